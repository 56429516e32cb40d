"""The shipped spam model (spam_model.skops) and its card; installed as ``cleaner.models``."""
