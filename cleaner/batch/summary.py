"""What a batch run reports: inputs, and how many came out ok, empty, error or skipped."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Summary:
    inputs: int = 0
    ok: int = 0
    empty: int = 0
    errors: int = 0
    skipped: int = 0  # already in the output (resume)
    skip_codes: dict = field(default_factory=dict)  # status "skipped" (a WARC 404, a script) per code
    seconds: float = 0.0
    error_codes: dict = field(default_factory=dict)
    peak_worker_rss_mib: float = 0.0
    pool_restarts: int = 0

    def count_skipped(self) -> None:
        """An input whose record an earlier run already wrote: still an input, so totals add up."""
        self.inputs += 1
        self.skipped += 1

    def count(self, record: dict) -> None:
        self.inputs += 1
        status = record["status"]
        if status == "ok":
            self.ok += 1
        elif status == "empty":
            self.empty += 1
        elif status == "skipped":
            self.skip_codes[record["skip_code"]] = self.skip_codes.get(record["skip_code"], 0) + 1
        else:
            self.errors += 1
            code = record.get("error_code", "error")
            self.error_codes[code] = self.error_codes.get(code, 0) + 1

    @property
    def pages_per_second(self) -> float:
        return (self.inputs - self.skipped) / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        codes = ", ".join(f"{k}={v}" for k, v in sorted(self.error_codes.items()))
        text = (f"inputs {self.inputs}: ok {self.ok}, empty {self.empty}, errors {self.errors}"
                f"{f' ({codes})' if codes else ''}")
        if self.skip_codes:
            text += f", skipped {sum(self.skip_codes.values())} ({', '.join(f'{k}={v}' for k, v in sorted(self.skip_codes.items()))})"
        if self.skipped:
            text += f", already done {self.skipped}"
        return text + f"; {self.seconds:.1f}s, {self.pages_per_second:.1f} pages/s"
