"""Templates of written lines in the registers real spammers use, and the genuine lines that
look most like them (scripts/build_real_lines.py fills them).

Spam: polite business prose (invoice offers, wholesale with prices, IT services, site
promotion, tickets/registration/repairs, get-rich schemes, courses/medical/adult), SEO lines,
SMS-style offers, English reply spam (bare domains, t.me links, $TICKER pumps, essay mills).
Genuine: recruitment posts, second-hand sales by their owners, course and event notices,
shop and clinic announcements by their owners in their own threads, notices with phone
numbers, informal chat, formal prose, English forum replies with links and prices.

Contact slots ({phone}, {landline}, {email}, {url}, {domain}, {qq}, {wechat}, {n}, {price})
are drawn from ONE distribution for both classes: no surface form belongs to one class.
Written for the project (MIT, like the code); every id, number and domain is invented.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, ...]] = {
    "city": ("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "长沙", "西安", "郑州", "苏州", "重庆", "青岛",
             "合肥", "福州", "昆明", "沈阳", "天津", "宁波", "佛山", "东莞", "济南", "长春"),
    "surname": ("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "孙", "胡", "郭", "何", "高", "林"),
    "title": ("经理", "先生", "女士", "小姐", "老师", "总", "主任", "会计"),
    "goods": ("茶叶", "红酒", "办公用品", "劳保手套", "LED灯具", "不锈钢管", "服装尾货", "儿童玩具", "五金配件", "打印耗材",
              "化妆品", "土特产", "月饼礼盒", "农产品", "建材", "电线电缆", "包装纸箱", "二手电脑", "工业设备"),
    "service": ("网站建设", "APP开发", "小程序定制", "SEO优化", "百度快照排名", "域名注册", "虚拟主机", "服务器租用", "邮件群发",
                "短信群发", "网络推广", "软文代发", "企业邮箱", "云服务器", "网站备案", "关键词排名", "抖音代运营"),
    "biz": ("公司注册", "代理记账", "工商变更", "商标注册", "资质代办", "营业执照代办", "年检代办", "税务筹划"),
    "repair": ("空调维修", "冰箱维修", "洗衣机维修", "热水器维修", "管道疏通", "开锁换锁", "防水补漏", "家电清洗"),
    "ticket": ("机票", "火车票", "演唱会门票", "酒店预订", "签证办理", "景区门票"),
    "course": ("会计培训", "英语培训", "PMP认证班", "考研辅导", "学历提升", "成人高考", "IT编程培训", "美术培训", "驾校报名"),
    "scheme": ("日赚500", "在家轻松月入过万", "零投资高回报", "稳赚不赔", "内部消息彩票预测", "原始股认购", "区块链投资",
               "兼职刷单日结", "代理加盟零风险"),
    "medical": ("专治脱发", "祖传秘方根治", "无痛治疗", "纯中药调理", "试管婴儿", "丰胸减肥", "壮阳保健品"),
    "invoice": ("增值税专用发票", "普通发票", "各行业发票", "运输发票", "建筑发票", "餐饮发票"),
    "shop": ("小店", "本店", "我们诊所", "我们工作室", "本馆", "俱乐部", "书店", "面馆", "宠物医院", "培训中心"),
    "item": ("自行车", "笔记本电脑", "婴儿车", "书架", "电饭煲", "吉他", "相机镜头", "冰箱", "考研教材", "跑步机", "沙发", "显示器"),
    "job": ("前端工程师", "会计", "行政助理", "仓库管理员", "销售代表", "实验室技术员", "数学老师", "护士", "司机", "厨师"),
    "event": ("读书会", "摄影展", "羽毛球友谊赛", "校友聚会", "义诊活动", "亲子运动会", "技术沙龙", "年会", "公益跑", "跳蚤市场"),
    "topic": ("这个问题", "楼主说的情况", "这个版本", "那个补丁", "上次的活动", "这本书", "这条路线", "这种做法"),
    "weekday": ("周一", "周二", "周三", "周四", "周五", "周六", "周日", "本周末", "下周"),
    "en_product": ("essays", "followers", "backlinks", "crypto signals", "replica watches", "diet pills", "cheap likes",
                   "gift cards", "forex signals", "term papers", "SEO packages", "web traffic"),
    "en_item": ("bike", "laptop", "camera lens", "desk", "guitar", "sofa", "monitor", "textbook", "drill", "tent"),
    "en_topic": ("the firmware", "this patch", "the driver", "that library", "the new release", "my setup", "the build"),
    "en_hey": ("Hey guys", "Hi everyone", "Hello", "Yo", "Hey", "Guys", "Hi there", "Hey people", "Sup guys", ""),
    "en_my": ("my channel", "my new channel", "my YouTube channel", "my music", "my new song", "my latest video",
              "my blog", "my page", "my shop", "my Instagram", "my band", "my mixtape", "my art page", "our new video",
              "my Twitch stream", "my gaming channel", "my cover of this song", "my website"),
    "en_promo": ("check out", "please check out", "go check", "take a look at", "visit", "subscribe to", "follow",
                 "like and share", "support", "give a chance to", "listen to", "watch"),
    "en_ask": ("it would mean a lot", "thanks in advance", "you won't regret it", "I'd really appreciate it",
               "subscribe if you like it", "help me reach 1000 subs", "like this comment so more people see it",
               "every view counts", "leave a like", "I follow back"),
    "en_money": ("Earn ${n} a day working from home", "Make money online with this simple trick",
                 "I made ${n} last week with this app", "Free gift cards, just sign up",
                 "Win a free iPhone, only today", "Get paid to watch videos", "Free followers, no survey"),
    "en_song": ("this song", "this video", "the chorus", "her voice", "the beat", "this clip", "the dance", "the lyrics"),
    "en_feel": ("still amazing", "never gets old", "gives me chills", "so catchy", "better than the original",
                "my favourite", "stuck in my head all day", "brings back memories", "overrated honestly"),
    "city_en": ("Lisbon", "Berlin", "Toronto", "Kyoto", "Melbourne", "Denver", "Oslo", "Seoul"),
    "year": ("2014", "2015", "2019", "2021", "2023", "2024"),
    "ticker": ("$PEPE", "$DOGE", "$MOON", "$SHIB", "$BONK", "$WIF", "$FLOKI", "$SOLX", "$GME", "$AMC"),
}

# ---------------------------------------------------------------- spam
SPAM_TEMPLATES: dict[str, tuple[str, ...]] = {
    "invoice": (
        "您好！本公司可代开{city}{invoice}，税点低，可验证后付款，欢迎来电咨询。",
        "尊敬的负责人：我司长期提供各类{invoice}，点数优惠，量大从优，详情请联系{surname}{title} {phone}。",
        "{surname}{title}您好，我是{city}某贸易公司的，公司有部分{invoice}额度，可以帮您抵扣，欢迎来电。",
        "本公司有进项可开{invoice}，正规可查，价格面议，电话：{landline}",
        "代开{invoice} 税点优惠 真票可验 联系人：{surname}{title} {phone}",
        "各位老板好，年底需要票的找我，{invoice}全国可开，点位低，微信{wechat}",
    ),
    "wholesale": (
        "厂家直销{goods}，批发价{price}起，量大从优，全国包邮，欢迎来电洽谈。",
        "本公司常年批发{goods}，质优价廉，欢迎新老客户订购！咨询电话{landline}",
        "{goods}特价处理，每件只要{price}，数量有限，先到先得，联系{surname}{title} {phone}",
        "现有一批{goods}低价出售，{price}一件，支持一件代发，店铺：{url}",
        "{city}{goods}源头工厂，出厂价{price}，诚招各地代理，详询{email}",
    ),
    "it": (
        "专业{service}，价格实惠，{n}天上线，成功案例上千家，咨询QQ：{qq}",
        "承接各类{service}业务，{price}起，包满意，联系{surname}{title}：{phone}",
        "{service}、{service}一站式服务，首年只要{price}，官网{url}",
        "我们提供{service}服务，保证效果，不达标全额退款，欢迎咨询 {email}",
        "想让您的网站排在首页吗？{service}，{n}天见效，详情访问 {domain}",
    ),
    "promo": (
        "{city}最好的{goods}网 {url} 欢迎访问",
        "推荐一个好网站：{domain} 里面有各种{goods}，价格便宜",
        "{goods}哪家好？请认准{url}，专业品质值得信赖",
        "更多{goods}资讯请登录{domain}，每日更新，免费注册",
        "本站新开张，{service}、{goods}应有尽有，网址：{url}",
    ),
    "biz": (
        "专业{biz}，{n}天拿证，费用低，欢迎咨询{surname}{title} {landline}",
        "{city}{biz}、{biz}，一站式服务，价格透明，电话{phone}",
        "特价{ticket}，全国各地出发，比官网便宜{n}%，预订热线{landline}",
        "{repair}，上门服务，{n}分钟到达，收费合理，电话：{phone}",
        "{city}各区{repair}，24小时服务，随叫随到，联系电话 {landline}",
    ),
    "scheme": (
        "{scheme}，手机就能操作，有意者加微信{wechat}详聊",
        "想赚钱的朋友看过来，{scheme}，名额有限，联系QQ{qq}",
        "老师带你{scheme}，每天只需{n}分钟，免费入群学习",
        "{scheme}！已有{n}人加入，赶紧联系 {phone}",
        "独家{scheme}，包赚不赔，详情看 {url}",
    ),
    "course_med": (
        "{course}火热招生中，名师授课，包过，报名电话{landline}",
        "{city}{course}，{price}全包，不过退费，咨询{surname}{title} {phone}",
        "{medical}，{n}天见效，无效退款，咨询热线{hotline}",
        "{medical}，{city}专家坐诊，预约电话 {landline}",
        "{course}名额有限，报名从速，详情访问{url}",
    ),
    "contact": (
        "联系人：{surname}{title}  电话：{landline}  邮箱：{email}",
        "欢迎来电咨询：{landline} {surname}{title}",
        "有需要的朋友请联系：{phone}（微信同号）",
        "业务联系：{email}  QQ：{qq}",
        "飞机：@{tg} 诚信合作",
        "需要的联系纸飞机 @{tg}",
        "电报：{tg} 全天在线",
        "加薇：{wechat_fw}，诚信合作",
        "薇信：{wechat_fw} 详聊",
        "咨询热线 {spaced_landline} {surname}{title}",
    ),
    "sms": (
        "【{city}{goods}】{weekday}全场{n}折起，凭短信到店再送好礼，退订回T",
        "尊敬的客户，您已获得{price}抵用券，请登录{url}领取，逾期作废",
        "您的积分即将清零，请尽快登录{domain}兑换礼品",
        "【{shop}】{weekday}会员专享特价，{goods}低至{price}，详询{landline}",
        "亲，{city}新楼盘开盘，首付{n}万起，VIP热线{landline}",
    ),
    "en": (
        "Check out my channel, new videos every week!! {domain}",
        "Cheap {en_product} here, best prices on the web: {url}",
        "Need {en_product}? DM me on telegram t.me/{tg}",
        "{ticker} is about to moon 🚀 get in before it's too late, join t.me/{tg}",
        "{ticker} 100x incoming, buy now and thank me later",
        "We write {en_product} for students, plagiarism free, order at {domain}",
        "Earn ${n} a day from home, visit {url} to start",
        "Buy {en_product} at {domain}, use code SAVE{n} for {n}% off",
        "Hi friend, I sell {en_product}, contact me at {email}",
        "Get {n}k followers in 24 hours, visit {domain} now",
        "{en_hey} {en_promo} {en_my}, {en_ask}",
        "{en_hey}! {en_promo} {en_my} {url} {en_ask}",
        "{en_promo} {en_my} please!! {en_ask}",
        "I'm a {n} year old producer, {en_promo} {en_my}, {en_ask}",
        "{en_money}: {url}",
        "{en_money} {domain}",
        "If you like {en_song}, {en_promo} {en_my} :)",
        "{en_hey}, I upload every day, {en_promo} {en_my}",
    ),
}

# ---------------------------------------------------------------- genuine (hard negatives)
GENUINE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "recruit": (
        "我们实验室招聘{job}一名，要求本科以上，有意者请把简历发到{email}",
        "{city}本地公司招{job}，五险一金，双休，感兴趣的可以私信我",
        "帮朋友发个招聘：{city}某厂招{job}，工资面议，具体看帖子里的图片",
        "组里缺一个{job}，上次发的帖子没人回，再顶一下，联系电话{phone}",
        "招聘{job}，工作地点{city}，简历投递：{email}，谢谢大家转发",
    ),
    "secondhand": (
        "本人出一台闲置{item}，九成新，{price}，{city}同城自提，有意站内信",
        "搬家出掉{item}，自用两年，{price}不议价，电话{phone}",
        "出{item}一个，买来没用几次，原价{price}，现在半价，{city}面交",
        "转让自用{item}，成色很好，想要的回帖或者加我微信{wechat}",
        "收一个二手{item}，预算{price}左右，有的朋友联系我",
    ),
    "notice": (
        "本周{weekday}下午两点{event}，地点在{city}图书馆三楼，报名请联系{surname}{title} {phone}",
        "{event}报名截止到{weekday}，名额{n}人，报名表见附件",
        "通知：{weekday}停水，请各位邻居提前储水，物业电话{landline}",
        "社区{event}改到{weekday}举行，有疑问请拨打{landline}",
        "{course}下学期开课时间已经公布，具体安排见学校官网{domain}",
        "本次{event}由{city}志愿者协会主办，咨询电话：{landline}，邮箱：{email}",
    ),
    "owner": (
        "各位老顾客，{shop}{weekday}起调整营业时间，早上九点开门，电话{landline}不变",
        "{shop}搬到新地址了，就在原来的{city}路口对面，欢迎大家来玩",
        "感谢大家一直以来的支持，{shop}{weekday}暂停营业一天",
        "{shop}的网站{domain}改版了，预约在线上就可以做",
        "我们诊所{weekday}医生休息，有急事请打{landline}",
        "{shop}这个月的活动照片已经上传，大家可以去{url}看",
    ),
    "chat": (
        "楼主说得对，{topic}我也遇到过，后来重装就好了",
        "哈哈哈，笑死我了，{topic}真的太离谱",
        "顶一下，{topic}确实值得讨论",
        "我上次在{city}也碰到{topic}，找客服没用，最后自己解决的",
        "谢谢楼主分享，学习了！",
        "同问，{topic}到底怎么弄？",
        "这价格{price}算便宜吗？我在{city}买的比这贵",
        "我的电话号码换了，新号码{phone}，老同学看到的话联系一下",
        "有没有{city}的朋友，{weekday}一起去看{event}？",
        "我记得官网是{domain}，你去上面查一下",
    ),
    "formal": (
        "本研究采用问卷调查的方法，共回收有效问卷{n}份，详细数据见附表。",
        "根据{city}统计局公布的数据，该市去年人均可支配收入比上年增长{n}%。",
        "会议指出，要进一步完善服务体系，提高办事效率，切实方便群众。",
        "如对本公告有异议，可在公示期内向{city}市监局反映，电话{landline}。",
        "原文链接：{url}",
        "联系电话：{landline}，电子邮箱：{email}，通讯地址：{city}市人民路{n}号。",
    ),
    "en": (
        "I had the same issue with {en_topic}, updating fixed it for me",
        "You can find the docs at {domain}, section 3 explains it",
        "Selling my old {en_item}, ${n} or best offer, pick up only",
        "Thanks, that worked! I owe you a beer",
        "The meetup is on Saturday, details on {url}",
        "Prices went up, I paid ${n} for mine last year",
        "Has anyone tried {en_topic} on Linux? Mine crashes on start",
        "Our club is looking for volunteers, email {email} if interested",
        "I bought a few shares of {ticker} last year and lost half, be careful",
        "lol this thread is gold",
        "{en_song} is {en_feel}",
        "Who else is listening to {en_song} in {year}?",
        "{en_hey}, I think {en_song} is {en_feel}",
        "I visit this page every week, {en_song} is {en_feel}",
        "Check the second verse, {en_song} is {en_feel}",
        "My kids love {en_song}, we watch it every morning",
        "I would recommend reading the FAQ first, then contact the admins if it still fails",
        "The free version is enough for most people, I only paid ${n} for the upgrade",
        "You can buy it cheaper on the official site, I got mine for ${n}",
        "Thank you so much for the tips, I hope you get to visit {city_en} one day",
        "I subscribed to their newsletter and it's mostly useful, but they email a lot",
        "If anyone wants to join our team, just reply here or send me a message",
    ),
}

# ---------------------------------------------------------------- marketing-SMS registers
# Loans and credit cards, carrier plans, property sales, shop-member promotions, stock-tip groups,
# fake notices (cancelled flights, bank token expiry, prizes) and gambling sign-up bonuses: the
# registers of Chinese marketing SMS that spammers also post in forums. Each has its genuine
# counterpart below (people talking about their loans, plans, flats, shopping and stocks, and
# warnings about the fake notices), with the same numbers, links and prices.
WORDS.update({
    "bank": ("工行", "建行", "农行", "中行", "招行", "交行", "浦发", "邮储银行", "平安银行", "民生银行"),
    "carrier": ("移动", "联通", "电信", "中国移动", "中国联通", "中国电信"),
    "loan": ("信用贷", "车贷", "房产抵押贷", "保单贷", "公积金贷", "经营贷", "装修贷", "消费贷"),
    "estate": ("学区房", "准现房", "地铁口精装公寓", "湖景洋房", "临街旺铺", "小户型公寓", "花园别墅", "商业综合体"),
    "store": ("旗舰店", "专卖店", "会员店", "童装店", "电器城", "母婴店", "家居馆", "超市"),
    "brand": ("某品牌", "大牌", "国货", "进口", "原创设计", "老字号"),
    "airline": ("南方航空", "东方航空", "国航", "海南航空", "厦门航空", "四川航空"),
    "casino": ("国际娱乐", "真人视讯", "电子游艺", "体育投注", "棋牌平台", "彩票平台"),
})

SPAM_TEMPLATES.update({
    "loan": (
        "{bank}优质客户您好，凭身份证可申请{loan}，额度最高{n}万，月息低至{n}厘，当天放款，详询{phone}",
        "信用卡取现垫还，{n}个点起，精养提额，无需面签，{surname}{title}{phone}",
        "急用钱找我们，{loan}、{loan}均可办理，手续简单，放款快，电话{landline}",
        "无抵押{loan}，有社保公积金保单其一即可，最快{n}小时到账，联系{surname}{title}",
        "经评估您可申办{n}万额度白金信用卡，下卡快，回复1办理或致电{landline}",
        "全款车按揭车均可贷，不押车，先息后本，利息低额度高，微信同号{phone}",
    ),
    "telecom": (
        "{carrier}推出{weekday}流量套餐，每月{price}含{n}G流量，回复KT即可办理，退订回TD",
        "尊敬的客户，您本月话费余额不足，充值{n}元送{n}元话费，登录{url}立即参与",
        "{carrier}宽带提速又降价，{n}M光纤仅需{price}，即日起营业厅办理，详询{hotline}",
        "热门彩铃排行：回复序号即可设置为您的彩铃，首月免费，退订回T",
        "{carrier}老用户专享：存{n}送{n}，还有流量包免费领，点击{url}",
        "恭喜您获得{carrier}积分兑换资格，{n}积分可换话费，请登录{domain}兑换，逾期清零",
    ),
    "estate": (
        "{city}{estate}火爆认购中，首付{n}万起，买房送家电，看房热线{landline}",
        "{city}地铁口{estate}，总价{n}万起，{weekday}到访即有好礼，咨询{surname}{title}{phone}",
        "投资首选{city}{estate}，年租金回报{n}%，产权清晰，VIP专线{hotline}",
        "{estate}样板间盛大开放，定房送{n}年物业费，名额有限，来电{landline}",
        "{city}核心地段{estate}，仅剩最后{n}套，抢到就是赚到，回复TD退订",
    ),
    "member": (
        "【{store}】亲爱的会员，{weekday}全场{n}折起，满{n}减{n}，{url}，退订回N",
        "{brand}{store}周年庆，新品{price}起，前{n}名下单送好礼，戳{url}",
        "尊敬的会员，您有一张{price}优惠券即将过期，速到{store}使用，详情{domain}",
        "{store}{weekday}会员日，{goods}低至{price}，到店出示短信再送礼品，退订回T",
        "年货节大促，{goods}买一送一，仅限今天，抢购地址{url}",
    ),
    "stock": (
        "资深操盘手建群每日免费荐股，抱团取暖，加微信{wechat}备注股票，退订回T",
        "牛市来了，{n}只潜力股每天一推，短线收益{n}%以上，验证码{n}，加QQ{qq}",
        "内部消息：本周{n}只涨停股提前布局，不收任何费用，群满即封，速加{phone}",
        "专业团队带你炒股，{weekday}直播讲解，入群即送{n}只金股，点击{url}",
    ),
    "fake_notice": (
        "尊敬的旅客，您预订的{city}至{city}{airline}航班因机械故障取消，请速联系客服{phone}办理改签，每人补偿{n}元",
        "尊敬的{bank}用户，您的电子密码器将于次日失效，请登录{url}进行升级，以免影响使用",
        "您的账户积分已满，可兑换{price}现金，请及时登录{url}领取，{bank}",
        "恭喜您被选为幸运用户，获得笔记本电脑一台及{price}奖金，请登录{domain}输入验证码{n}领取",
        "老同学好，这是我们做的同学录和聚会照片，{url}，保存一下方便以后联系",
        "您的快递因地址不详无法派送，请点击{url}重新填写地址，逾期退回",
    ),
    "gambling": (
        "{casino}官网{url}，注册即送{n}元，首存再送{n}%，天天签到领彩金",
        "信誉平台{casino}，存{n}送{n}，提款秒到，客服24小时在线，QQ{qq}",
        "您在{casino}的会员账号还有余额{price}，请登录{domain}使用，取款密码请妥善保管",
        "以小博大，{casino}全新上线，手机登录{url}，新会员见面礼{n}元",
    ),
})

GENUINE_TEMPLATES.update({
    "money_talk": (
        "我去年在{bank}办了{loan}，月息{n}厘，每个月还{price}，感觉压力不大",
        "信用卡别轻易去搞什么垫还取现，我同事就是被收了{n}个点的手续费",
        "问一下，{city}办{loan}需要什么材料？我打了{bank}的客服电话{landline}也没说清楚",
        "房贷利率又降了，我上周去{bank}问了，首套大概{n}点几",
        "刚收到{bank}的短信说额度提升到{n}万，去官方APP里看了确实是真的",
    ),
    "plan_talk": (
        "我用的是{carrier}的{price}套餐，每月{n}G流量，在{city}信号还行",
        "{carrier}宽带今天又断了，打客服{hotline}排队排了半小时",
        "有没有人知道{carrier}的流量包怎么退订？回复TD没反应",
        "话费余额不足的短信一天来好几条，我去营业厅充了{n}元才消停",
        "家里老人的手机号换成{carrier}的亲情套餐了，一个月省了{price}",
    ),
    "housing": (
        "我们小区是{estate}，交房的时候问题挺多，物业电话{landline}一直打不通",
        "在{city}看了一圈房子，地铁口的{estate}总价{n}万左右，首付压力太大了",
        "楼主买的那个{estate}我去看过，样板间和实际交付差别挺大的，大家谨慎",
        "租房到期了，{city}有没有靠谱的房东，预算{price}一个月",
        "售楼处的人天天打电话，说{weekday}到访有礼，烦死了",
    ),
    "shopping_talk": (
        "{store}这次{n}折是真的便宜，我买了两件{goods}才{price}",
        "双十一在{store}买的{goods}今天到了，质量一般，跟图片有点差距",
        "会员日那天去{store}排队的人太多了，满{n}减{n}也不划算",
        "有人用过{url}这个网站吗？我在上面买的{goods}一直没发货",
        "我们{store}{weekday}盘点暂停营业，老顾客有事请打{landline}",
    ),
    "stock_talk": (
        "今天大盘又跌了{n}%，手里的股票套得死死的",
        "别信那些荐股群，说是免费，最后都要你交会员费",
        "我是{year}年入市的，到现在还没回本，大家理性投资",
        "基金定投了{n}年，收益大概{n}%，比存银行强一点",
    ),
    "scam_warning": (
        "提醒大家：最近有人冒充{airline}发航班取消的短信，千万别打里面的电话，官方客服只有{hotline}",
        "收到说{bank}密码器失效的短信，一看链接就不是官网，已经举报了",
        "我妈差点被中奖短信骗了，让她登录一个网站填银行卡号，幸好问了我",
        "快递短信让点链接重新填地址的都是骗子，正规快递会打电话{phone}联系你",
        "派出所今天来社区宣传防诈骗，说这种“注册送彩金”的都是赌博网站，不要碰",
    ),
})

# English reply spam in more registers: channel swaps, fundraisers, page likes, cheats and
# free codes, with the genuine comments that name the same things.
SPAM_TEMPLATES["en_more"] = (
    "sub to me and I'll sub back, {en_ask}",
    "{en_hey} I sub back to everyone who subs to me!!",
    "please help my little brother {url}, every share counts",
    "Like this page for a chance to win an iPhone {url}",
    "Free game codes and gift cards, no survey, go to {domain}",
    "Hack any account in 5 minutes {url}",
    "{en_hey} we just started a channel about gaming and art, {en_promo} it and subscribe, {en_ask}",
    "Who wants free robux? {domain}",
    "Vote for me please {url} it takes 1 second",
    "{en_hey}, I'm a new youtuber, subscribe please, {en_ask}",
)
GENUINE_TEMPLATES["en_more"] = (
    "I subscribed after the first video, the editing is great",
    "The fundraiser for the shelter is linked in the description, they did a great job",
    "Does anyone know where to get the game codes from the collector's edition?",
    "My little brother loves this song, he sings it all day",
    "{en_hey}, the new season starts next week, can't wait",
    "I voted for them last year, {en_song} is {en_feel}",
    "I shared this with my class, we watched it in {year}",
    "This channel deserves more subscribers honestly",
)

# Tutoring and courses, job offers that are sign-up schemes, travel deals, ringtone and music
# services, and the homophone spellings of invoice offers; with their genuine counterparts.
WORDS.update({
    "subject": ("数学", "英语", "物理", "化学", "语文", "政治历史", "美术", "编程"),
    "exam": ("高考", "中考", "考研", "二模", "期末考试", "雅思", "教师资格证"),
    "invoice_homophone": ("发漂", "发栗", "发西示", "增值专票", "缯值", "普漂", "専票"),
})
SPAM_TEMPLATES.update({
    "tutoring": (
        "{exam}冲刺班火热报名中，名师一对一辅导{subject}，提分快，保过协议，咨询{surname}{title}{landline}",
        "{city}{subject}精品小班，{exam}前{n}次课突破重难点，试听免费，报名电话{phone}",
        "新学期去哪补习？个性化辅导分析各科成绩，{n}天提高{n}分，校区电话{landline}",
        "{exam}集训营开始招生，限{n}人，全程名校老师授课，详询{url}",
    ),
    "job_scheme": (
        "你好，收到你的简历，我们招{job}兼职，在家就能做，日结{price}，请加QQ群{qq}",
        "招聘网店刷信誉兼职，工作{n}天无任何费用，每单返{price}，详情加{wechat}",
        "您好，您在招聘网站投的简历已通过，请添加微信{wechat}了解岗位，打扰请见谅",
    ),
    "travel": (
        "特价{ticket}，{city}出发仅需{price}，{n}点准时开抢，戳{url}，退订回TD",
        "{city}{n}日游{price}全包，含酒店机票，报名从速，电话{landline}",
    ),
    "ringtone": (
        "还没有彩铃的你，第一首彩铃免费，直接回复{n}即可订购，最新热歌排行尽在{domain}",
        "音乐会员首月{price}，百万曲库免流量畅听，下载客户端{url}，回复TD退订",
    ),
    "invoice_homophone": (
        "开正规{invoice_homophone}，验证后付款，{surname}{title}{phone}",
        "有{invoice_homophone}，{n}个点，{surname}{title}{phone}",
        "代开{city}{invoice_homophone}，{surname}{title}微信同号{phone}",
    ),
})
GENUINE_TEMPLATES.update({
    "study_talk": (
        "{exam}还有{n}天，{subject}最后一轮复习大家都怎么安排的？",
        "我家孩子{subject}补习了一学期，提高了{n}分，老师电话可以私信我",
        "学校{weekday}开家长会，班主任说{exam}报名费是{price}",
        "有没有{city}的同学一起备考{exam}，可以组个学习小组",
    ),
    "job_talk": (
        "投了{n}份简历，只收到两个面试通知，{job}现在真难找",
        "提醒大家：说在家刷单日结的兼职都是骗局，我表妹被骗了{price}",
        "面试的时候HR让加微信{wechat}，说是方便通知，这正常吗？",
    ),
    "travel_talk": (
        "刚从{city}玩回来，{n}日游花了{price}左右，攻略发在{url}",
        "机票{weekday}降价了，{city}往返才{price}，比上个月便宜一半",
        "酒店前台电话{landline}，入住前可以先打电话确认",
    ),
    "music_talk": (
        "彩铃现在还有人设吗？我早就退订了",
        "这首歌在{domain}上能听到完整版，{n}分多钟",
    ),
})

# Genuine Western talk of where to buy and which version: forum users point to shops and
# official sites all the time, with the same links, prices and "buy" as an ad.
WORDS["en_shop"] = ("Amazon", "eBay", "Best Buy", "the Apple store", "Newegg", "AliExpress", "Craigslist",
                    "the official store", "a local shop", "the outlet")
GENUINE_TEMPLATES["en_shop"] = (
    "Don't buy it from {en_shop}, get it from the official store instead, it was cheaper for me: {url}",
    "The official site only sells the paid version now, no free one: {url}",
    "I bought mine from {domain} last year for ${n}, no problems so far",
    "If you buy a used {en_item} on {en_shop}, check the serial number before you pay",
    "Get it from here if you're in the EU: {url}, shipping took two days",
    "Their website only lists the pro plan to buy, the free tier is gone",
    "It's cheaper on {en_shop} right now, ${n} with the coupon from their newsletter",
    "Where do you guys buy replacement parts? {en_shop} wants ${n} for a battery",
    "Check the price history before you buy, {en_shop} raises it before every sale",
    "My local store had it in stock, I paid ${n}, same as online",
)
