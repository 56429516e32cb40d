"""Genuine lines that read most like ads, never trained on: the spam model's hard-negative test.

Notices, lost-and-found posts, recruitment by the people hiring, second-hand sales and rentals
by their owners, shop and clinic owners in their own threads, editorial contact lines, and
chat about customer-service numbers: each carries a phone number, an e-mail address, a link or
a price drawn from the same generators as the spam lines (scripts/build_real_lines.py), so a
contact form alone never tells the class. Slots are those of real_line_templates.WORDS.

Written after the shipped model of 2026-12-06 had been measured. The grouped cross-validation
that sets the threshold holds out one written template at a time and says how the model does on
a kind of genuine line it never saw; these say the same of the whole cleaner, rules included.
scripts/build_real_lines.py splits them by template with the project's fixed development/locked
split: the development half is trained on (genuine_written_hard.jsonl), the locked half never
(unseen/genuine_hard_unseen.jsonl), where bench/spam_eval.py measures how many the cleaner keeps.
"""

from __future__ import annotations

GENUINE_HARD_TEMPLATES: dict[str, tuple[str, ...]] = {
    "notice_more": (
        "{city}马拉松志愿者招募开始了，报名截止到{weekday}，详情咨询{surname}{title}：{phone}",
        "小区业主群通知：{weekday}上午电梯年检，九点到十一点停用，给大家带来不便敬请谅解，物业{landline}",
        "学校{event}的报名表已经发到班级群里了，有问题可以发邮件到{email}问{surname}老师",
        "本周{weekday}晚上七点有一节{course}的公开课，线上直播，链接{url}，不用报名",
        "{city}图书馆{weekday}闭馆一天检修设备，借还书请改天，咨询电话{landline}",
        "老年大学秋季班开始报名了，书法摄影合唱都有，学费{price}一学期，电话{landline}",
        "社区接种点{weekday}照常开放，记得带身份证，预约电话{landline}，也可以在街道公众号上约",
        "{event}的照片整理好了，放在{url}，密码在群公告里，有问题找{surname}{title}",
    ),
    "lost_found": (
        "寻物启事：{weekday}在{city}地铁站丢了一个黑色背包，里面有证件，捡到的请联系{phone}，必有酬谢",
        "寻狗启事：一只棕色泰迪，{weekday}傍晚在小区门口走失，有线索请打{phone}，谢谢好心人",
        "今天在食堂捡到一张校园卡，名字是{surname}同学，失主请打{phone}认领",
        "Lost cat near {city_en} station on Tuesday, grey tabby, answers to Milo. Please call {phone} if you see him.",
    ),
    "recruit_more": (
        "实验室长期招{job}实习生，每周至少三天，补贴{price}一天，简历发{email}，注明姓名和到岗时间",
        "我司{city}分部招{job}两名，要求两年以上经验，薪资面议，想内推的可以发我邮箱{email}",
        "帮同事转个招聘，{city}一家外企招{job}，英语要求六级，联系人{surname}{title} {phone}",
        "课题组招聘博士后，方向是材料化学，待遇按学校标准执行，详见{url}",
        "店里招一个暑假工，{city}本地学生优先，每天六小时，日薪{price}，有意的打{phone}",
        "Our lab is hiring a research assistant for the summer, details at {url}, send your CV to {email}.",
    ),
    "secondhand_more": (
        "毕业出书，考研全套资料{price}打包带走，{city}大学城可以自取，微信{wechat}",
        "转租一间次卧，{city}地铁口步行五分钟，月租{price}，押一付三，有意者电话{phone}",
        "出两张{weekday}的演唱会门票，原价转让不加价，{city}同城面交，联系{phone}",
        "家里多了一台{item}，全新没拆封，{price}出，只限{city}自提，有意私信或打{phone}",
        "求租{city}两室一厅，预算{price}以内，最好近地铁，有房源的房东请联系{phone}，中介勿扰",
        "Selling my old {en_item} for {price}, pickup only in {city_en}, email {email} if interested.",
    ),
    "owner_more": (
        "各位会员，{shop}{weekday}店庆，老会员凭卡可以领一份小礼物，具体问前台或者打{landline}",
        "诊所新来了一位儿科医生，{weekday}和周末坐诊，预约电话{landline}，也可以在{domain}上约",
        "{shop}的停车场在后门，导航搜我们的店名就行，到了找不到可以打{phone}",
        "{shop}{weekday}盘点，下午三点以后营业，给大家带来不便很抱歉，有急事打{phone}",
        "宠物寄养的位置满了，{weekday}以后才有空位，需要的朋友提前打{landline}预约",
    ),
    "contact_lines": (
        "{city}市消费者协会的投诉电话是{landline}，遇到这种事可以直接打过去",
        "如需转载本文，请与作者联系：{email}，未经许可不得用于商业用途。",
        "本刊投稿邮箱{email}，来稿请注明作者姓名、单位和联系方式。",
        "学院办公室电话{landline}，工作时间为周一至周五上午八点半到下午五点。",
        "报名咨询：{surname}老师 {landline}（工作日），报名材料请发送至{email}",
    ),
    "service_talk": (
        "有没有人知道{city}哪里能修{item}，官方售后电话{hotline}一直占线",
        "我刚给{carrier}客服打了电话，{hotline}，说是系统升级，明天才能办",
        "{bank}的客服电话是{hotline}吧？卡被冻结了不知道怎么办",
        "快递一直没到，打快递员电话{phone}也没人接，有同样情况的吗",
        "上周在网上买的{item}，{price}，用了两天就坏了，店家客服说可以换新的",
        "The support line for my {en_shop} order was {hotline}, they sorted it out in ten minutes.",
    ),
}
