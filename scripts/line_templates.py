"""Templates written for forum-cleaner to build its labelled line corpus (see build_lines.py).

Slots in braces are filled by build_lines.fill: contact slots ({phone}, {hotline}, {qq},
{wechat}, {url}, {email}, {intlphone}, {landline}), numbers ({n}, {year}, {month}, {day},
{time}) and word slots from WORDS. Each template is one source group: the held-out split
never puts variants of one template on both sides.
"""

SPAM_TLDS = ("com", "cn", "net", "cc", "top", "xyz", "vip", "info", "org", "me")

WORDS: dict[str, list[str]] = {
    "city": ["北京", "上海", "广州", "深圳", "长沙", "郑州", "武汉", "成都", "西安", "南京", "杭州", "合肥",
             "昆明", "沈阳", "哈尔滨", "长春", "济南", "石家庄", "太原", "南昌", "福州", "贵阳", "南宁",
             "兰州", "乌鲁木齐", "重庆", "天津", "苏州", "无锡", "温州", "佛山", "东莞", "洛阳", "襄阳"],
    "disease": ["白癜风", "牛皮癣", "银屑病", "癫痫", "羊癫疯", "不孕不育", "阳痿早泄", "前列腺炎", "湿疹",
                "痛风", "狐臭", "脱发", "鼻炎", "尖锐湿疣", "宫颈糜烂", "包皮过长", "性功能障碍", "腋臭"],
    "hospital": ["中科白癜风医院", "华夏皮肤病医院", "博爱男科医院", "玛丽妇产医院", "仁爱医院", "协和不孕不育医院",
                 "现代男科医院", "中研白癜风研究院", "九龙男子医院", "天伦不孕不育医院", "京城皮肤医院"],
    "casino": ["威尼斯人", "金沙", "永利", "新葡京", "太阳城", "银河", "皇冠", "澳门博彩", "bet365", "万博"],
    "game": ["时时彩", "六合彩", "百家乐", "北京赛车", "快三", "幸运飞艇", "斗地主", "炸金花", "牛牛", "老虎机"],
    "doc": ["身份证", "驾驶证", "毕业证", "学位证", "结婚证", "房产证", "护照", "四六级证书", "会计证", "健康证"],
    "invoice": ["增值税专用发票", "增值税普通发票", "建筑业发票", "运输发票", "餐饮发票", "住宿发票", "广告发票"],
    "brand": ["LV", "香奈儿", "古驰", "爱马仕", "劳力士", "欧米茄", "耐克", "阿迪达斯", "卡地亚", "普拉达"],
    "goods": ["包包", "手表", "运动鞋", "皮带", "墨镜", "香水", "钱包", "手链"],
    "en_drug": ["viagra", "cialis", "levitra", "tramadol", "xanax", "phentermine", "oxycodone"],
    "en_brand": ["Rolex", "Omega", "Louis Vuitton", "Gucci", "Cartier", "Breitling", "Hermes"],
    "name": ["王经理", "李先生", "张小姐", "刘老师", "陈主任", "赵总", "杨女士", "黄生", "周经理"],
    "user": ["hbxyz", "风清扬", "小蚂蚁", "路人甲", "admin", "夜雨", "greenleaf", "tomcat88", "老王", "jerry_w",
             "阿福", "bluesky", "Leo", "Marta", "dave_k", "sunny", "mod_team", "小明同学"],
    "board": ["灌水专区", "新闻资讯", "本地生活", "技术交流", "摄影天地", "汽车论坛", "亲子育儿", "二手交易"],
    "en_board": ["General Discussion", "Help & Support", "Off-topic", "Announcements", "Hardware", "Buy & Sell"],
    "dept": ["皮肤科", "神经内科", "妇产科", "泌尿外科", "儿科", "急诊科", "心内科", "骨科"],
    "news_site": ["新华网", "人民网", "央视新闻", "澎湃新闻", "中国新闻网", "光明网", "湖南日报", "长沙晚报", "红网"],
    "good_url": ["https://zh.wikipedia.org/wiki/Python", "https://en.wikipedia.org/wiki/Forum", "https://github.com/python/cpython",
                 "https://docs.python.org/3/", "http://www.news.cn/politics/2024/c.html", "https://www.gov.cn/zhengce/",
                 "http://www.stats.gov.cn/sj/", "https://www.pku.edu.cn/", "https://arxiv.org/abs/2101.00001",
                 "https://www.thepaper.cn/newsDetail_forward_1", "http://paste.debian.net/12345/", "https://imgur.com/a/xyz",
                 "https://stackoverflow.com/questions/12345", "https://bbs.archlinux.org/viewtopic.php?id=1",
                 "https://www.bilibili.com/video/BV1xx", "http://www.xinhuanet.com/2023-05/09/c_1.htm",
                 "https://www.mozilla.org/firefox/", "https://pypi.org/project/lxml/", "https://www.who.int/news"],
    "news_domain": ["www.news.cn", "www.people.com.cn", "news.cctv.com", "www.thepaper.cn", "www.chinanews.com.cn",
                    "www.gmw.cn", "www.hunantoday.cn", "moment.rednet.cn", "www.gov.cn", "www.nhc.gov.cn"],
    "topic": ["城市更新", "乡村振兴", "老旧小区改造", "垃圾分类", "医保改革", "义务教育", "交通治理", "营商环境"],
    "os": ["Ubuntu 22.04", "Windows 11", "macOS Sonoma", "Debian 12", "Arch Linux", "Fedora 39", "Android 14"],
    "tool": ["pip", "npm", "docker", "git", "the BIOS", "systemd", "nginx", "the driver", "firmware"],
    "en_thing": ["graphics card", "router", "laptop", "camera", "bike", "guitar amp", "printer", "thermostat"],
    "product": ["手机", "笔记本电脑", "电动车", "空调", "相机", "路由器", "洗衣机"],
    "phone_brand": ["华为", "小米", "苹果", "OPPO", "vivo", "荣耀", "三星"],
}

SPAM_TEMPLATES: dict[str, list[str]] = {
    "medical": [
        "{city}{disease}医院哪家好", "{city}治疗{disease}最好的医院是哪家", "小孩为什么会得{disease} {url}",
        "{disease}能彻底治好吗？{city}{hospital}专家在线解答 {url}", "{city}{disease}专科医院 咨询电话：{phone}",
        "看{disease}到{city}{hospital}，医保定点，预约热线{hotline}", "{disease}偏方，三天见效，加微信{wechat}",
        "{city}哪家医院看{disease}好？推荐{hospital} {url}", "{disease}的早期症状有哪些 {url}",
        "【{hospital}】{disease}治疗新技术，免费咨询QQ{qq}", "{city}{disease}医院排名 {url}",
        "得了{disease}怎么办？权威专家{name}在线挂号 {phone}", "{disease}患者福音：{hospital}特价优惠中 {url}",
        "专治{disease} 不复发 无效退款 微信{wechat}", "{city}看{disease}多少钱 {url}",
        "{city}{disease}哪里治疗好", "{city}{disease}哪个医院最好", "{city}看{disease}去哪家医院好",
        "{disease}怎么治疗效果好 {city}{hospital}", "{city}{hospital}怎么样 {disease}专科", "{city}专业治疗{disease}的医院",
        "{disease}医院{city}哪家比较好？", "{city}{disease}医院地址 {url}", "{disease}治疗费用一般多少 {url}",
    ],
    "gambling": [
        "{casino}娱乐城 注册送{n}元彩金 {url}", "{game}计划群 加QQ{qq} 稳赚不赔", "{game}内部资料免费领取 {url}",
        "{game}技巧 每天稳赢{n}元 {url}", "{game}上下分 微信{wechat}", "{casino}官网 {url} 首存送100%",
        "足球投注 全网最高赔率 {url}", "真人荷官在线发牌 {url}", "{casino}线上开户 代理佣金50% 加微信{wechat}",
        "{game}必中公式 私聊QQ{qq}", "手机{game}app下载 {url} 秒提现",
    ],
    "invoice": [
        "代开{city}各类发票 {phone} {name}", "{invoice}代开 点数低 电话{phone} QQ{qq}", "专业代开{invoice} 可验证 {phone}",
        "开{invoice}找{name} {phone} 真票可查", "{city}代开发票 微信同号{phone}", "各地{invoice}代开 {hotline}",
    ],
    "certificate": [
        "办证刻章 {phone}", "{city}办{doc} 电话{phone}", "{doc}代办 学信网可查 加V {wechat}", "刻章办证 QQ{qq}",
        "办理{doc} 三天拿证 {phone} {name}", "{city}专业刻章 公章 财务章 {phone}", "高仿{doc} 包过 QQ{qq}",
    ],
    "loan": [
        "无抵押贷款 当天放款 {phone}", "急用钱？{n}万额度秒到账 {url}", "信用卡套现 手续费低 {phone}",
        "网贷 黑户可下 微信{wechat}", "{city}小额贷款 凭身份证即可 {phone}", "个人借款 {n}万起 不看征信 {url}",
        "企业无抵押贷款 {hotline} {name}", "手机贷款app {url} 三分钟审批",
    ],
    "seo": [
        "SEO快排 {n}天上首页 QQ{qq}", "出售高权重外链 {url}", "百度收录 代发外链 {url}", "网站优化 关键词排名 {phone}",
        "{city}网站建设 整站优化 {phone} {name}", "批量代发帖子 全网推广 微信{wechat}", "蜘蛛池出租 秒收录 {url}",
    ],
    "porn": [
        "{porn_kw} {url}", "同城约会 {porn_kw} 加微信{wechat}", "{xspam_kw} 主页联系", "美女主播 {porn_kw} {url}",
        "{city}桑拿 全套服务 {phone}", "{city}上门服务 {porn_kw} QQ{qq}", "{xspam_kw} {url}",
        "看{porn_kw}视频 请点击进入 {url}", "{xspam_kw} 点击主页", "🌸{xspam_kw}🌸 私信", "{xspam_kw} 加我{wechat}",
        "附近的人 {xspam_kw} {url}", "{xspam_kw} 同城 真实 {qq}",
    ],
    "counterfeit": [
        "高仿{brand}{goods} A货 微信{wechat}", "{brand}复刻{goods} 1:1 {url}", "精仿{brand}{goods} 支持验货 QQ{qq}",
        "{brand}{goods}原单 工厂直销 {url}", "顶级{brand}{goods} 货到付款 {phone}",
    ],
    "jobs": [
        "招聘刷单员 日结{n}元 QQ{qq}", "在家兼职打字 日赚{n} 加微信{wechat}", "手工活外发 {phone}",
        "宝妈兼职 一单一结 微信{wechat}", "淘宝刷单 佣金{n}元每单 {url}", "网络兼职 手机就能做 QQ{qq}",
        "诚聘网络打字员 {n}元/天 {url}",
    ],
    "contact": [
        "有意者请联系 {phone}", "详情咨询QQ：{qq}", "需要的加我微信{wechat}", "联系电话{phone} {name}",
        "咨询热线：{hotline}", "微信：{wechat} 备注来意", "货到付款 联系{name} {phone}",
        "加我微信{wechat}了解详情", "V：{wechat}", "有需要的朋友私聊我 QQ{qq}", "联系方式：{phone}（微信同号）",
        "欢迎来电咨询 {phone} {name}", "扫码加好友 {wechat}", "需要请联系{wechat}",
    ],
    "guns": ["出售气枪 货到付款 QQ{qq}", "迷药 催情药 {url}", "窃听器 针孔摄像头 {phone}"],
    "en_pharma": [
        "Buy {en_drug} online without prescription {url}", "Cheap {en_drug} pills, overnight shipping {url}",
        "Generic {en_drug} 100mg best price at {url}", "{en_drug} for sale, discreet delivery, email {email}",
    ],
    "en_casino": [
        "Best online casino bonus, sign up at {url}", "Win big at online slots and poker {url}",
        "Free spins no deposit casino {url}", "Sports betting tips 100% sure, join {url}",
    ],
    "en_loans": [
        "Payday loans approved in minutes {url}", "Need a loan? Contact me on WhatsApp {intlphone}",
        "Bad credit loans, no checks, apply at {url}", "Get instant cash loan today, email {email}",
    ],
    "en_replica": [
        "Replica {en_brand} watches, top quality {url}", "Cheap {en_brand} bags, 90% off, shop at {url}",
        "AAA replica {en_brand} for sale, contact {email}",
    ],
    "en_seo": [
        "Cheap SEO backlinks, DA 50+ guaranteed {url}", "Buy Instagram followers fast {url}",
        "Rank #1 on Google in {n} days, contact me on WhatsApp {intlphone}", "Essay writing service 24/7 {url}",
    ],
    "en_scam": [
        "Contact me on WhatsApp {intlphone} for more details", "I made ${n} a day working from home, check {url}",
        "Crypto investment doubles your money, DM me on Telegram @{wechat}", "Hot singles in your area {url}",
        "Earn $500 daily from home, message me on Telegram @{wechat}", "Forex signals 98% accuracy, WhatsApp {intlphone}",
        "Get rich quick with this crypto bot {url}",
        "Legit spell caster, email {email} to get your ex back", "Recover your lost bitcoin, WhatsApp {intlphone}",
    ],
}

# More ad shapes, so that a held-out template still has siblings of its kind in training.
SPAM_TEMPLATES.update({
    "en_casino_more": [
        "Online casino with instant withdrawals, claim your welcome bonus at {url}",
        "Sports betting tips 100% sure, daily fixed matches, join {url}", "Best odds on football betting, register at {url}",
        "Play slots for real money and win up to ${n} today {url}", "Poker room bonus code inside, deposit now {url}",
        "Live casino dealers 24/7, sign up bonus ${n} at {url}", "Fixed matches available, contact WhatsApp {intlphone}",
        "Top rated betting site, free bets for new players {url}", "Jackpot winners every hour, spin now at {url}",
    ],
    "en_pharma_more": [
        "Order {en_drug} online, no prescription needed, fast delivery {url}", "{en_drug} 50mg cheapest price guaranteed {url}",
        "Buy {en_drug} without a doctor, ships worldwide {url}", "Best online pharmacy for {en_drug} and more {url}",
        "Need {en_drug}? Discreet packaging, pay with crypto {url}", "Weight loss pills that really work, order at {url}",
        "Male enhancement pills, results in {day} days {url}", "Get {en_drug} delivered overnight, email {email}",
    ],
    "en_money_more": [
        "Earn ${n} per day working from home, no experience needed {url}", "Make money online fast, join my team {url}",
        "Guaranteed loan approval, bad credit ok, call {intlphone}", "Instant personal loans up to ${n}, apply at {url}",
        "Invest ${n} and get ${n} back in {day} days, WhatsApp {intlphone}", "Bitcoin doubler, send and receive double {url}",
        "Binary options signals, 95% win rate, Telegram @{wechat}", "Are you in debt? We clear it fast, email {email}",
        "Join the illuminati today for wealth and fame, call {intlphone}", "Hack any account, contact {email}",
    ],
    "en_seo_more": [
        "Buy cheap backlinks and guest posts, DA 70+ {url}", "Get 10k real followers for ${n} {url}",
        "Web design and SEO services, first page guaranteed {url}", "Buy Google reviews for your business {url}",
        "Best essay writers online, plagiarism free, order at {url}", "Download the latest movies free in HD {url}",
        "Watch live sports streams free here {url}", "Cheap replica {en_brand} bags and watches {url}",
    ],
    "en_adult_more": [
        "Hot girls waiting to chat with you {url}", "Meet local singles tonight, no sign up {url}",
        "Sexy webcam models live now {url}", "Lonely housewives near you want to meet {url}",
    ],
    "contact_more": [
        "需要的私聊 {wechat}", "有需要的联系我 {phone}", "私信我了解详情 QQ{qq}", "咨询请加 {wechat}", "详情请咨询{name} {phone}",
        "联系我：{wechat}", "需要的朋友联系{name}，电话{phone}", "感兴趣的加我 {qq}", "欢迎咨询 微信同号 {phone}",
    ],
    "porn_more": [
        "{xspam_kw} 私信联系", "{xspam_kw} 看主页", "{xspam_kw} 进主页", "同城{xspam_kw} 主页有联系方式", "{xspam_kw}~主页见",
    ],
    "gambling_more": [
        "{game}稳定计划 高回报 {url}", "{casino}开户送彩金 {phone}", "网上{game} 24小时在线 {url}", "{game}带单回血 加QQ{qq}",
    ],
})

KEYWORD_FRAMES = (
    "{kw} 联系QQ{qq}", "{kw} 详情加微信{wechat}", "专业{kw} {phone}", "{kw} 请点击 {url}", "{kw}，电话{phone}",
    "{kw} {url}", "【{kw}】 {wechat}",
)

# Normal sentences that spam gets embedded in (written for the project).
CARRIER_SENTENCES = (
    "今天天气不错，带孩子去公园转了一圈。", "这个问题我也遇到过，后来重装系统就好了。", "楼主写得很详细，收藏了。",
    "周末去{city}玩了两天，人有点多。", "小区门口新开了一家面馆，味道还可以。", "谢谢分享，学到了不少东西。",
    "最近工作太忙，好久没来论坛了。", "这篇文章说得很有道理，顶一下。", "The weather has been great this week. ",
    "Thanks for the detailed write-up, it helped a lot. ", "I agree with the previous post. ",
    "我家孩子今年上初中了，作业明显多了。", "昨天看了那场比赛，最后十分钟太精彩了。",
)

GENUINE_TEMPLATES: dict[str, list[str]] = {
    "chrome_zh": [
        "回复", "引用", "只看该作者", "分享 转发", "TOP", "发新话题 回复该主题", "{n}#", "沙发", "板凳", "地板",
        "[复制链接]", "发表于 {year}-{month}-{day} {time}", "本帖最后由 {user} 于 {year}-{month}-{day} {time} 编辑",
        "收藏 分享 评分", "返回列表", "上一主题 下一主题", "Powered by Discuz! X3.{day}", "© 2001-{year} Comsenz Inc.",
        "查看: {n}|回复: {n}", "楼主 电梯直达", "{user} 发表于 {year}-{month}-{day} {time}", "积分 {n} 帖子 {n} 精华 {day}",
        "注册 登录", "首页 › 论坛 › {board}", "第 {day} 页 共 {n} 页", "下载附件 ({n} KB)", "点击查看原图",
        "{user} 发表于 {month}-{day} {time} 只看该作者", "举报 回复 支持 反对", "本主题由 {user} 于 {year}-{month}-{day} 审核通过",
        "手机版|小黑屋|{board}", "GMT+8, {year}-{month}-{day} {time}", "快速回复 返回顶部 返回列表", "{n} 条回复",
    ],
    "chrome_en": [
        "Quote", "Reply", "Posted by {user} on {month}/{day}/{year}", "Last edited by {user}; {month}-{day}-{year}, {time}.",
        "Joined: {year}-{month}-{day}", "Posts: {n}", "Page {day} of {n}", "Powered by phpBB Forum Software © phpBB Limited",
        "Report post", "Like", "{n} replies", "Top", "Share", "Log in or register to reply", "Jump to page",
        "Home › Forums › {en_board}", "Reply With Quote", "Thanks given: {n}", "Originally Posted by {user}",
        "Reactions: {n}", "Go to page", "{user} said:", "Click to expand...", "Powered by vBulletin® Version 5.{day}",
    ],
    "reply_zh": [
        "谢谢楼主分享", "顶一个", "支持楼主", "{day}楼说得对", "请问这个在哪里买的？", "学习了，收藏", "mark一下", "楼主加油",
        "同问", "我用的是{phone_brand}手机，没遇到这个问题", "有没有人知道{city}哪里可以办理护照？",
        "我的QQ号被盗了，怎么找回？", "微信支付和支付宝哪个方便？", "这个贷款利率是不是太高了？新闻说LPR又下调了。",
        "我家孩子也有湿疹，在{city}市儿童医院看的，医生说要注意保湿。", "去年在{city}买的{product}，用到现在没毛病。",
        "楼上说的对，{product}还是要去正规渠道买。", "这个价格有点贵，等双十一再看看。", "我也在{city}，周末可以一起去看看。",
        "谢谢大家的回复，问题已经解决了。", "请问楼主用的什么相机拍的？", "最近{city}的房价又涨了吗？",
        "刚看到新闻说{city}要修地铁了，期待。", "小区的快递柜太少了，每次取件都要排队。", "这个游戏我玩了{n}个小时，推荐！",
        "有人知道{city}哪家医院看{dept}比较好吗？孩子最近总是不舒服。", "收到，明天试试。", "+1", "顶", "好帖",
    ],
    "links": [
        "来源：{news_site} {good_url}", "原文链接：{good_url}", "参考资料：{good_url}", "详见 {good_url}", "本文链接：{good_url}",
        "转载自 {good_url}", "官网：{good_url}", "Source: {good_url}", "More info: {good_url}", "Link: {good_url}",
        "相关阅读：{good_url}", "项目地址：{good_url}", "下载地址见官网 {good_url}", "I posted the logs here: {good_url}",
        "参见{good_url}", "数据来源：国家统计局 {good_url}",
    ],
    "misc_short": [
        "GRB {year}{month}{day}", "ISBN 978-7-{n}-{year}-{day}", "{year}年{month}月{day}日", "第{n}期", "{n}:{day}",
        "Version {day}.{month}.{n}", "RTX {n}0", "iPhone {day} Pro", "Windows {day}", "{n}%", "2:{day}", "{year}-{month}-{day}",
        "图{day}", "表{day}：{city}统计数据", "附件：{user}.zip", "（完）", "Edit: typo", "EDIT {year}-{month}-{day}: solved",
        "SN: {n}{year}{day}", "型号：{phone_brand} {n}", "{user} {year}", "{city} {year}", "QQ音乐", "微信公众号", "{day}楼",
        "{n}", "{n}{day}", "{n}0{n}", "{year}", "{good_url}", "{n} {n}", "{n} points", "{day}k", "{n} views", "赞 {n}",
        "{user}", "@{user}", "{en_thing}", "{os}", "{month}/{day}/{year} {time}", "{n} comments", "Score: {n}",
    ],
    "reply_en": [
        "Thanks, that fixed it for me.", "I have the same problem on {os}.", "Did you try updating {tool} first?",
        "See the docs at https://docs.python.org/3/library/json.html for the details.", "Bump", "Any update on this?",
        "I ordered the {en_thing} last week and it arrived in {day} days.", "Great photos, thanks for sharing!",
        "You can find the source at https://github.com/{user}/project, it is MIT licensed.", "Welcome to the forum!",
        "Same here, {os} with the latest kernel.", "My {en_thing} died after {day} years, any recommendations?",
        "We watched the casino scene in that movie twice, it was hilarious.", "My doctor told me to rest for {day} weeks.",
        "Call the non-emergency line if the noise keeps going.", "Check the wiki page, it has a step by step guide.",
        "The meetup is on {month}/{day} at {time}, see you there.", "I think the replica in the museum is very well made.",
        "Version {day}.{month} broke my setup, rolling back helped.", "Has anyone tried the new {en_thing} firmware?",
        "I paid ${n} for mine and it was worth every penny.", "The offer is only valid until {month}/{day}, so hurry if you want one.",
        "Our group chat link is in the pinned post: {good_url}", "I bought a {en_thing} for ${n} on sale, works fine.",
        "Free shipping on orders over ${n} was the reason I picked that shop.", "He lost ${n} to a pyramid scheme, stay away from those.",
        "Use the promo code from their newsletter, it took {day}% off.", "Call me old fashioned but I prefer the paper manual.",
        "lol", "This.", "Thanks!", "Nice work, {user}.", "Agreed, {user} nailed it.", "Can confirm, happened to me too.",
    ],
    "news_zh": [
        "来源：{news_site}", "来源: http://{news_domain}/{year}{month}{day}/c.html", "（记者 {user} 通讯员 {name}）",
        "责任编辑：{user}", "原标题：{city}推进{topic}工作", "{city}市第一人民医院{dept}主任介绍，患者应及早到正规医院就诊。",
        "市民如有疑问，可拨打12345政务服务便民热线咨询。", "{month}月{day}日，{city}召开{topic}工作推进会。",
        "据统计，全市共有{n}家医疗机构参与此次义诊活动。", "专家提醒，湿疹、痛风等疾病要遵医嘱规范治疗，切勿轻信偏方。",
        "更多信息请访问官方网站 www.gov.cn。", "报名咨询电话：{landline}。", "{city}卫健委通报，{dept}门诊量同比增长{n}%。",
        "警方提醒：不要轻信网上“无抵押贷款”“刷单返利”等广告，谨防诈骗。", "本文转载自{news_site}，版权归原作者所有。",
        "{year}年{month}月{day}日，{city}举行{topic}专题新闻发布会。", "图为{city}市民在社区服务中心办理业务。",
        "据了解，该项目总投资{n}亿元，预计{year}年建成。", "扫描二维码关注{news_site}微信公众号。",
        "税务部门提醒，企业应通过正规渠道开具发票，虚开增值税发票属违法行为。", "{city}公安机关破获一起特大网络赌博案件，涉案金额{n}万元。",
    ],
}

# Genuine Western forum lines that carry links, prices, numbers or health/money words: the
# model must not learn "Latin text + link" = spam. {anyurl} is a random benign-looking URL.
WESTERN_GENUINE_TEMPLATES: dict[str, list[str]] = {
    "links_en": [
        "I was coming from the following thread: {anyurl} and my problem seems similar.",
        "There is a good explanation here: {anyurl}", "Here is a screenshot of the error: {anyurl}",
        "The manufacturer has a support page for this, see {anyurl}", "Found it, the fix is described at {anyurl}",
        "I uploaded my config to {anyurl} if anyone wants to take a look.",
        "According to this article {anyurl} the rules changed in {year}.",
        "You can get the driver from the vendor's download page ({anyurl}).",
        "This video explains it better than I can: {anyurl}", "Sorry, wrong link. This one: {anyurl}",
        "My build log is on {anyurl}, the error is near the end.", "Relevant bug report: {anyurl}",
        "I bought mine from {anydomain} and it arrived in {day} days, no complaints.",
        "The official documentation at {anydomain} says the limit is {n} MB.",
        "Does anyone know if {anydomain} is still maintained? The last update was in {year}.",
        "I have been using {anydomain} for my oil for {day} months now and it works for me.",
        "Check the FAQ on {anyurl} before posting, most questions are answered there.",
        "Photos from the meetup are here: {anyurl}", "Source: {anyurl}", "See also {anyurl}",
        "{anyurl}", "http://{anydomain}/{year}/{month}/some ... -page.html", "Getting Started with {anydomain} {day}",
        "Text Documents with {anydomain} {day}.x Writer", "{anydomain} {day}.{month} release notes",
    ],
    "chat_en": [
        "I paid ${n} for it second hand and it still runs fine after {day} years.",
        "My doctor changed my dose to {n} mg and I feel a lot better now.",
        "Statutory sick pay is payable by your employer for up to {n} weeks, after that ask an advice centre.",
        "If you need a loan for the repairs, talk to your bank first, the rates are better.",
        "We had twins in {year}, the first months were the hardest of my life.",
        "The insurance paid for most of it, we only had to cover ${n}.",
        "Call the clinic in the morning, they usually have free slots before {time}.",
        "I switched to the {n} GB plan because the cheap one kept running out.",
        "Take the RAM kit with the lower latency, the price difference is only {n} euros.",
        "My score went from {n} to {n} after I changed the settings.",
        "Thank you so much for the warm welcome, I hope to visit one day!", "Hey everyone, long time reader, first post.",
        "I don't even know where to start, so sorry if this gets long.", "Sorry for the late reply, I was away for {day} days.",
        "Happy birthday! Have a great day.", "Welcome aboard, glad you found us.", "That is hilarious, thanks for the laugh.",
        "I agree with most of what you said, but the last point is wrong.", "Ok, I will try that tonight and report back.",
        "Can you post the output of the command?", "What version are you running?", "Still broken after the update, any ideas?",
        "Marked as solved, thanks to everyone who helped.", "We stayed at a small hotel near the station, it cost ${n} a night.",
        "Best app for chatting with my family abroad is still the one everyone has.",
        "The casino scene in that film is the best part.", "My grandmother swore by that remedy, but please see a doctor.",
        "Selling my old {en_thing}, works perfectly, PM me if interested.", "Free to a good home: {n} old magazines.",
    ],
    "reply_de": [
        "Hallo zusammen, ich habe ein Problem mit meinem {en_thing}.", "Danke für die schnelle Antwort!",
        "Bei mir hat es geholfen, den Treiber neu zu installieren.", "Schau mal hier: {anyurl}",
        "Lösung siehe {anyurl}", "Wenn du den RAM nur einstecken willst, nimm die {n} CL16 Variante.",
        "Ich nehme es jeden Morgen mit dem Frühstück, seitdem geht es mir besser.",
        "Leider gibt es die Seite von {anydomain} nicht mehr.", "Zitat von {user}: Das sehe ich genauso.",
        "Das hat nichts mit Arroganz zu tun, sondern mit Erfahrung.", "Wirklich gut wird das erst mit der neuen Version.",
        "Ich poste hier mal zwei Links: {anyurl} und {anyurl}", "Moin, hat jemand Erfahrung mit {os}?",
        "Die Inspektion hat {n} Euro gekostet, das war in Ordnung.", "Darf das Krankenhaus das einfach so machen?",
        "Sorry, aber der Start verzögert sich noch ein wenig.", "Am einfachsten geht das mit einem kostenlosen Programm.",
        "Weitere Infos findest du auf der Seite des Ministeriums: {anyurl}", "Viele Grüße und einen schönen Sonntag",
    ],
    "reply_fr": [
        "Bonjour et bienvenue sur le forum !", "Merci pour ta réponse, ça m'aide beaucoup.",
        "La réglementation a évolué et reste une question d'actualité : {anyurl}",
        "Vous trouverez des informations sur le site de la convention : {anyurl}", "Pour emprunter, il faut passer par la banque.",
        "J'ai le même problème depuis la mise à jour.", "Mon médecin m'a conseillé de me reposer {day} semaines.",
        "Voici le lien vers l'article : {anyurl}", "Bon courage à toi, tiens-nous au courant.",
        "Le prix est de {n} euros, livraison comprise.", "Quelqu'un a-t-il essayé le nouveau modèle ?",
    ],
    "links_zh": [
        "参考这篇文章：{anyurl}", "我把日志传到这里了 {anyurl}", "官方文档在 {anyurl}，写得很清楚。",
        "视频教程：{anyurl}", "原帖地址 {anyurl}", "我是在{anydomain}上买的，{day}天就到了。", "解决方法见 {anyurl}",
    ],
}

GENERIC_DOMAIN_WORDS = ("forum", "wiki", "docs", "news", "blog", "shop", "store", "community", "support", "help",
                        "photo", "travel", "garden", "music", "linux", "health", "bike", "cook", "city", "board")
GENERIC_TLDS = ("com", "org", "net", "de", "fr", "co.uk", "io", "info", "eu", "ch", "at", "nl", "edu", "gov", "cn", "com.cn")
GENERIC_PATHS = ("/", "/viewtopic.php?t={n}", "/wiki/Main_Page", "/article/{year}/{month}/{day}/some-title.html",
                 "/watch?v=dQw4w9WgXcQ", "/products/item-{n}", "/t/topic/{n}", "/questions/{n}/how-to", "/en/docs/install",
                 "/forum/showthread.php?{n}", "/a/{n}", "/news/{year}/{n}.html", "")

# Standard-library modules whose docstrings give English prose (PSF licence).
PYTHON_DOC_MODULES = (
    "abc", "argparse", "ast", "asyncio", "base64", "bisect", "bz2", "calendar", "cmd", "codecs", "collections",
    "concurrent.futures", "configparser", "contextlib", "copy", "csv", "dataclasses", "datetime", "decimal",
    "difflib", "email", "enum", "filecmp", "fileinput", "fnmatch", "fractions", "ftplib", "functools", "getopt",
    "getpass", "gettext", "glob", "gzip", "hashlib", "heapq", "hmac", "html", "http.client", "http.server",
    "imaplib", "inspect", "io", "ipaddress", "itertools", "json", "locale", "logging", "lzma", "mailbox",
    "mimetypes", "multiprocessing", "netrc", "numbers", "operator", "optparse", "os", "pathlib", "pickle",
    "pkgutil", "platform", "plistlib", "poplib", "pprint", "profile", "pstats", "queue", "random", "re",
    "reprlib", "sched", "secrets", "selectors", "shelve", "shlex", "shutil", "signal", "smtplib", "socket",
    "socketserver", "sqlite3", "ssl", "statistics", "string", "subprocess", "sysconfig", "tarfile", "tempfile",
    "textwrap", "threading", "timeit", "tkinter", "token", "tokenize", "trace", "traceback", "turtle", "typing",
    "unittest", "urllib.parse", "urllib.request", "uuid", "warnings", "wave", "weakref", "webbrowser",
    "xml.dom.minidom", "xml.etree.ElementTree", "zipfile", "zoneinfo",
)
