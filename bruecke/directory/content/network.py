"""The wider early-help network of both cities: family offices, family centres
at primary schools, baby pilots, counselling, early intervention, family
education, language support, groups, Jobcenter and more.

Texts are written for this demo in plain words. ``{place}`` is the name of the
place (an institution, a clinic or a neighbourhood), ``{district}`` the
district and ``{city}`` the city. Templates marked ``repeatable`` are generic
enough to be repeated at synthetic institutions for the larger data sets;
``hosts`` says at which kinds of institutions.
"""

from __future__ import annotations

from .base import Template, texts

FAMILIENBUERO_BEZIRK = Template(
    key="familienbuero-bezirk",
    kind="anlaufstelle",
    topics=(
        "kinderbetreuung/kita-anmeldung",
        "soziale-kontakte",
        "wirtschaftliche-lage/finanzielle-hilfen",
    ),
    ages=(0, 6),
    org_kind="familienbuero",
    municipal=True,
    texts=texts(
        de=(
            "Familienbüro {district}",
            "Das Familienbüro im Stadtbezirk {district} ist die erste Anlaufstelle für Familien mit kleinen Kindern. Nach der Geburt kommt es auf Wunsch zum Begrüßungsbesuch, berät zu Kita-Platz, Elterngeld und Hilfen im Stadtteil und hilft bei der Anmeldung für einen Kita-Platz.",
            "Familien mit Kindern bis sechs Jahre, die im Stadtbezirk {district} wohnen.",
            "",
            "Kommen Sie zu den Öffnungszeiten vorbei oder rufen Sie an, um einen Termin oder einen Hausbesuch zu vereinbaren.",
        ),
        en=(
            "Familienbüro {district} – family office",
            "The family office in the {district} district is the first place to go for families with young children. After a birth it offers a welcome visit, advises on Kita places, parental allowance and local help, and helps you register for a Kita place.",
            "Families with children up to six who live in {district}.",
            "",
            "Drop in during opening hours or call to arrange an appointment or a home visit.",
        ),
        ar=(
            "Familienbüro {district} – مكتب العائلة",
            "مكتب العائلة في حي {district} هو أول مكان تتوجه إليه العائلات التي لديها أطفال صغار. بعد الولادة يعرض زيارة ترحيبية، ويقدم المشورة حول مكان في الروضة وإعانة الوالدين (Elterngeld) والمساعدات في الحي، ويساعد في تسجيل الطفل في روضة.",
            "العائلات التي لديها أطفال حتى سن السادسة وتسكن في حي {district}.",
            "",
            "تعالوا خلال ساعات العمل أو اتصلوا لتحديد موعد أو زيارة منزلية.",
        ),
        tr=(
            "Familienbüro {district} – aile bürosu",
            "{district} semtindeki aile bürosu, küçük çocuklu ailelerin ilk başvuru yeridir. Doğumdan sonra bir hoş geldin ziyareti önerir; Kita yeri, ebeveyn parası (Elterngeld) ve semtteki yardımlar hakkında bilgi verir ve Kita kaydında yardım eder.",
            "{district} semtinde oturan, altı yaşına kadar çocuğu olan aileler.",
            "",
            "Açık olduğu saatlerde uğrayın ya da randevu veya ev ziyareti için arayın.",
        ),
        uk=(
            "Familienbüro {district} – сімейне бюро",
            "Сімейне бюро в районі {district} – перше місце, куди можуть звернутися сім'ї з маленькими дітьми. Після народження дитини воно пропонує вітальний візит, консультує щодо місця в дитсадку, батьківської допомоги (Elterngeld) і підтримки в районі та допомагає записати дитину до дитсадка.",
            "Сім'ї з дітьми до шести років, які живуть у районі {district}.",
            "",
            "Приходьте в години роботи або зателефонуйте, щоб домовитися про зустріч чи візит додому.",
        ),
    ),
)

KITA_SOZIALARBEIT_VOR_ORT = Template(
    key="kita-sozialarbeit-vor-ort",
    kind="sprechstunde",
    topics=(
        "kinderbetreuung",
        "soziale-kontakte",
        "inklusion",
        "gesundheit",
        "wirtschaftliche-lage",
        "kindliche-entwicklung",
    ),
    ages=(0, 6),
    org_kind="kita",
    municipal=True,
    interpretation="Bei Bedarf wird kostenlos eine Dolmetscherin oder ein Dolmetscher hinzugezogen.",
    texts=texts(
        de=(
            "Kita-Sozialarbeit vor Ort: {place}",
            "Einmal in der Woche hat die Kita-Sozialarbeit des Jugendamts {city} eine offene Sprechstunde in dieser Kita. Eltern können ohne Termin vorbeikommen und über alles sprechen, was sie belastet – von Anträgen und Geldsorgen bis zu Fragen zur Entwicklung ihres Kindes. Das Gespräch ist kostenlos und vertraulich.",
            "Alle Familien mit Kindern bis zum Schuleintritt aus dem Stadtbezirk {district} – auch wenn Ihr Kind eine andere oder keine Kita besucht.",
            "",
            "Kommen Sie einfach zur Sprechstunde. Sie können auch die Kita bitten, einen Termin zu vereinbaren.",
        ),
        en=(
            "Kita-Sozialarbeit on site: {place}",
            "Once a week, the {city} youth welfare office's Kita social work holds open office hours at this Kita. Parents can drop in without an appointment and talk about anything that weighs on them – from forms and money worries to questions about their child's development. The conversation is free and confidential.",
            "All families with children up to school age in {district} – even if your child goes to another Kita or none.",
            "",
            "Just come to the office hours. You can also ask the Kita to arrange an appointment.",
        ),
        ar=(
            "Kita-Sozialarbeit في الروضة: {place}",
            "مرة في الأسبوع يقدّم فريق العمل الاجتماعي في رياض الأطفال التابع لمكتب رعاية الشباب في {city} ساعة استشارة مفتوحة في هذه الروضة. يمكن للأهل الحضور دون موعد والتحدث عن كل ما يثقل عليهم، من الطلبات وهموم المال إلى أسئلة حول نمو طفلهم. الحديث مجاني وسري.",
            "جميع العائلات التي لديها أطفال حتى دخول المدرسة في حي {district}، حتى لو كان طفلكم في روضة أخرى أو لا يذهب إلى روضة.",
            "",
            "تعالوا ببساطة في ساعة الاستشارة، أو اطلبوا من الروضة تحديد موعد لكم.",
        ),
        tr=(
            "Yerinde Kita sosyal hizmeti: {place}",
            "{city} Gençlik Dairesi'nin Kita sosyal hizmeti haftada bir bu Kita'da açık danışma saati yapar. Anne babalar randevusuz gelip kendilerini zorlayan her şeyi konuşabilir – başvurulardan ve para sıkıntısından çocuklarının gelişimiyle ilgili sorulara kadar. Görüşme ücretsiz ve gizlidir.",
            "{district} semtinde okul çağına kadar çocuğu olan tüm aileler – çocuğunuz başka bir Kita'ya gitse ya da hiç gitmese de.",
            "",
            "Danışma saatine gelmeniz yeterli. Kita'dan sizin için randevu almasını da isteyebilirsiniz.",
        ),
        uk=(
            "Kita-Sozialarbeit на місці: {place}",
            "Раз на тиждень соціальні працівники відомства у справах молоді міста {city} проводять у цьому дитсадку відкриті години прийому. Батьки можуть прийти без запису й поговорити про все, що їх турбує, – від заяв і браку грошей до питань про розвиток дитини. Розмова безкоштовна й конфіденційна.",
            "Усі сім'ї з дітьми до вступу до школи з району {district} – навіть якщо дитина ходить до іншого дитсадка або не ходить зовсім.",
            "",
            "Просто приходьте в години прийому. Ви також можете попросити дитсадок домовитися про зустріч.",
        ),
    ),
)

FAMILIENGRUNDSCHULZENTRUM = Template(
    key="familiengrundschulzentrum",
    kind="anlaufstelle",
    topics=(
        "soziale-kontakte",
        "kindliche-entwicklung/erziehungsfragen",
        "inklusion/sprachfoerderung",
        "wirtschaftliche-lage/antraege",
    ),
    ages=(5, 10),
    org_kind="grundschule",
    municipal=True,
    texts=texts(
        de=(
            "Familiengrundschulzentrum an der {place}",
            "Das Familiengrundschulzentrum macht die Grundschule zu einem Treffpunkt für die ganze Familie. Es gibt ein Elterncafé, Beratung zu Erziehung und Schule, Kurse und Hilfe bei Anträgen – und eine Fachkraft, die Eltern an passende Stellen im Stadtteil vermittelt. Gefördert wird es aus dem Landesprogramm „kinderstark – NRW schafft Chancen“.",
            "Familien mit Kindern an der Schule und Familien aus dem Stadtteil, auch vor der Einschulung.",
            "",
            "Kommen Sie ins Elterncafé oder sprechen Sie die Fachkraft im Schulgebäude an.",
        ),
        en=(
            "Familiengrundschulzentrum – family centre at the {place}",
            "The family centre turns the primary school into a meeting place for the whole family. There is a parents' café, advice on parenting and school, courses and help with forms – and a member of staff who puts parents in touch with the right services in the neighbourhood. It is funded by the state programme “kinderstark – NRW schafft Chancen”.",
            "Families with children at the school and families from the neighbourhood, also before their child starts school.",
            "",
            "Come to the parents' café or talk to the staff member in the school building.",
        ),
        ar=(
            "Familiengrundschulzentrum – مركز العائلة في {place}",
            "يجعل مركز العائلة المدرسةَ الابتدائية مكانًا يلتقي فيه كل أفراد العائلة. يوجد مقهى للأهل، واستشارات حول التربية والمدرسة، ودورات، ومساعدة في الطلبات، إضافة إلى مختص يوصل الأهل بالجهات المناسبة في الحي. يموَّل المركز من برنامج الولاية «kinderstark – NRW schafft Chancen».",
            "العائلات التي لديها أطفال في هذه المدرسة وعائلات الحي، حتى قبل دخول الطفل المدرسة.",
            "",
            "تعالوا إلى مقهى الأهل أو تحدثوا مع المختص في مبنى المدرسة.",
        ),
        tr=(
            "Familiengrundschulzentrum – {place} aile merkezi",
            "Aile merkezi ilkokulu tüm aile için bir buluşma yerine dönüştürür. Bir veli kafesi, eğitim ve okul konularında danışmanlık, kurslar ve başvurularda yardım vardır; ayrıca anne babaları semtteki doğru yerlere yönlendiren bir uzman bulunur. Merkez, eyaletin “kinderstark – NRW schafft Chancen” programıyla desteklenir.",
            "Okulda çocuğu olan aileler ve semtteki aileler, çocuk okula başlamadan önce de.",
            "",
            "Veli kafesine gelin ya da okul binasındaki uzmanla konuşun.",
        ),
        uk=(
            "Familiengrundschulzentrum – сімейний центр при школі {place}",
            "Сімейний центр робить початкову школу місцем зустрічі для всієї родини. Тут є батьківське кафе, консультації щодо виховання й навчання, курси та допомога із заявами, а також фахівець, який підкаже батькам, куди звернутися в районі. Центр фінансується земельною програмою «kinderstark – NRW schafft Chancen».",
            "Сім'ї, чиї діти навчаються в цій школі, та сім'ї з району, також до вступу дитини до школи.",
            "",
            "Приходьте до батьківського кафе або зверніться до фахівця в будівлі школи.",
        ),
    ),
)

BABYLOTSEN = Template(
    key="babylotsen",
    kind="lotsendienst",
    topics=(
        "gesundheit/gesundheitsinformation",
        "wirtschaftliche-lage/antraege",
        "soziale-kontakte/isolation",
        "kindliche-entwicklung/entwicklung",
    ),
    ages=(0, 1),
    org_kind="klinik",
    texts=texts(
        de=(
            "Babylotsen – {place}",
            "Die Babylotsinnen und Babylotsen sind in der Geburtsklinik für Schwangere und frisch gebackene Eltern da. Sie hören zu, wenn Sorgen da sind – um Geld, Wohnung, Gesundheit oder den Alltag mit dem Baby –, und vermitteln schon vor der Entlassung passende Hilfen wie Familienhebammen, Beratungsstellen oder das Familienbüro.",
            "Schwangere und Eltern, die ihr Kind in dieser Klinik bekommen.",
            "",
            "Sprechen Sie die Babylotsen auf der Wochenbettstation an oder bitten Sie das Klinikpersonal um einen Kontakt.",
        ),
        en=(
            "Babylotsen (baby pilots) – {place}",
            "The baby pilots are at the maternity clinic for pregnant women and new parents. They listen when you have worries – about money, housing, health or everyday life with your baby – and arrange suitable help before you go home, such as family midwives, counselling centres or the family office.",
            "Pregnant women and parents who have their baby at this clinic.",
            "",
            "Ask for the baby pilots on the maternity ward or ask the clinic staff to put you in touch.",
        ),
        ar=(
            "Babylotsen (مرشدو المواليد) – {place}",
            "يتواجد مرشدو المواليد في مستشفى الولادة من أجل الحوامل والأهل الجدد. يستمعون إليكم عندما تقلقكم أمور المال أو السكن أو الصحة أو الحياة اليومية مع الطفل، ويرتبون لكم قبل الخروج من المستشفى المساعدة المناسبة، مثل قابلات الأسرة أو مراكز الاستشارة أو مكتب العائلة.",
            "الحوامل والأهل الذين يلدون طفلهم في هذا المستشفى.",
            "",
            "اسألوا عن مرشدي المواليد في قسم الولادة أو اطلبوا من طاقم المستشفى التواصل معهم.",
        ),
        tr=(
            "Babylotsen (bebek rehberleri) – {place}",
            "Bebek rehberleri doğum kliniğinde hamileler ve yeni anne babalar için vardır. Para, konut, sağlık ya da bebekle günlük hayat konusunda endişeleriniz olduğunda sizi dinler ve daha taburcu olmadan aile ebeleri, danışma merkezleri veya aile bürosu gibi uygun yardımları ayarlarlar.",
            "Bebeğini bu klinikte doğuran hamileler ve anne babalar.",
            "",
            "Lohusa servisinde bebek rehberlerini sorun ya da klinik personelinden sizi onlarla buluşturmasını isteyin.",
        ),
        uk=(
            "Babylotsen (лоцмани для малюків) – {place}",
            "Лоцмани для малюків працюють у пологовому відділенні для вагітних і молодих батьків. Вони вислухають, якщо вас турбують гроші, житло, здоров'я чи повсякдення з немовлям, і ще до виписки організують потрібну допомогу – сімейних акушерок, консультаційні центри чи сімейне бюро.",
            "Вагітні та батьки, які народжують дитину в цій клініці.",
            "",
            "Запитайте про лоцманів у післяпологовому відділенні або попросіть персонал клініки зв'язати вас із ними.",
        ),
    ),
)

ERZIEHUNGSBERATUNG = Template(
    key="erziehungsberatung",
    kind="beratung",
    topics=("kindliche-entwicklung/erziehungsfragen", "gesundheit/psychische-krise"),
    ages=(0, 18),
    org_kind="beratungsstelle",
    repeatable=True,
    hosts=("beratungsstelle",),
    texts=texts(
        de=(
            "Erziehungsberatung – {place}",
            "Wenn es in der Familie schwierig wird – bei Streit, Trennung, Trotzphasen, Schulproblemen oder Sorgen um ein Kind –, finden Eltern, Kinder und Jugendliche hier ein offenes Ohr. Erfahrene Fachkräfte beraten kostenlos, vertraulich und auf Wunsch auch anonym.",
            "Eltern, Kinder und Jugendliche bis 18 Jahre aus {city}.",
            "",
            "Rufen Sie an oder kommen Sie zur offenen Sprechstunde; meist gibt es innerhalb von zwei Wochen ein erstes Gespräch.",
        ),
        en=(
            "Parenting counselling – {place}",
            "When family life gets difficult – arguments, separation, tantrums, problems at school or worries about a child – parents, children and teenagers will find someone to listen here. Experienced counsellors give advice free of charge, confidentially and anonymously if you wish.",
            "Parents, children and young people up to 18 in {city}.",
            "",
            "Call or come to the open office hours; a first appointment is usually possible within two weeks.",
        ),
        ar=(
            "استشارات التربية (Erziehungsberatung) – {place}",
            "عندما تصبح الحياة العائلية صعبة – بسبب الخلافات أو الانفصال أو نوبات العناد أو مشاكل المدرسة أو القلق على أحد الأطفال – يجد الأهل والأطفال والشباب هنا من يستمع إليهم. يقدم مختصون ذوو خبرة الاستشارة مجانًا وبسرية، ودون ذكر الاسم إن رغبتم.",
            "الأهل والأطفال والشباب حتى 18 عامًا في {city}.",
            "",
            "اتصلوا أو تعالوا إلى ساعة الاستشارة المفتوحة؛ وغالبًا يكون أول لقاء خلال أسبوعين.",
        ),
        tr=(
            "Eğitim danışmanlığı (Erziehungsberatung) – {place}",
            "Aile hayatı zorlaştığında – tartışmalar, ayrılık, inatlaşma dönemleri, okul sorunları ya da bir çocukla ilgili endişeler – anne babalar, çocuklar ve gençler burada kendilerini dinleyen birini bulur. Deneyimli uzmanlar ücretsiz, gizli ve isterseniz isim vermeden danışmanlık yapar.",
            "{city}'daki anne babalar, çocuklar ve 18 yaşına kadar gençler.",
            "",
            "Arayın ya da açık danışma saatine gelin; ilk görüşme genellikle iki hafta içinde yapılır.",
        ),
        uk=(
            "Консультації з виховання (Erziehungsberatung) – {place}",
            "Коли в родині стає важко – через сварки, розлучення, дитячу впертість, проблеми в школі чи тривогу за дитину, – батьки, діти й підлітки знайдуть тут тих, хто вислухає. Досвідчені фахівці консультують безкоштовно, конфіденційно й за бажанням анонімно.",
            "Батьки, діти та молодь до 18 років у місті {city}.",
            "",
            "Зателефонуйте або приходьте у відкриті години прийому; першу зустріч зазвичай призначають протягом двох тижнів.",
        ),
    ),
)

FRUEHFOERDERUNG = Template(
    key="fruehfoerderung",
    kind="foerderung",
    topics=(
        "kindliche-entwicklung/fruehfoerderung",
        "kindliche-entwicklung/entwicklung",
        "inklusion/foerderbedarf",
    ),
    ages=(0, 6),
    org_kind="beratungsstelle",
    repeatable=True,
    hosts=("beratungsstelle",),
    texts=texts(
        de=(
            "Frühförderstelle – {place}",
            "Die Frühförderstelle hilft, wenn ein Kind sich langsamer entwickelt, spät spricht, eine Behinderung hat oder davon bedroht ist. Ein Team aus Heilpädagogik, Therapie und Medizin schaut sich das Kind genau an und fördert es – in der Stelle, zu Hause oder in der Kita. Eltern werden eng einbezogen.",
            "Kinder von der Geburt bis zum Schuleintritt und ihre Eltern.",
            "",
            "Eine erste Beratung ist ohne Überweisung möglich. Den Antrag auf Förderung stellt die Stelle mit Ihnen; die Kosten tragen Krankenkasse und Sozialamt.",
        ),
        en=(
            "Early intervention centre (Frühförderstelle) – {place}",
            "The early intervention centre helps when a child develops more slowly, starts talking late, has a disability or is at risk of one. A team of special needs educators, therapists and doctors takes a close look at your child and supports them – at the centre, at home or at the Kita. Parents are closely involved.",
            "Children from birth until they start school, and their parents.",
            "",
            "A first consultation is possible without a referral. The centre helps you apply for support; costs are covered by health insurance and the social welfare office.",
        ),
        ar=(
            "مركز التدخل المبكر (Frühförderstelle) – {place}",
            "يساعد مركز التدخل المبكر عندما ينمو الطفل ببطء أكثر، أو يتأخر في الكلام، أو لديه إعاقة أو معرَّض لها. يفحص فريق من المربين المختصين والمعالجين والأطباء الطفلَ بدقة ويدعمه في المركز أو في البيت أو في الروضة. ويشارك الأهل مشاركة وثيقة.",
            "الأطفال منذ الولادة حتى دخول المدرسة وأهاليهم.",
            "",
            "الاستشارة الأولى ممكنة دون تحويل من الطبيب. يساعدكم المركز في تقديم طلب الدعم، وتتحمل التكاليف شركة التأمين الصحي ومكتب الشؤون الاجتماعية.",
        ),
        tr=(
            "Erken destek merkezi (Frühförderstelle) – {place}",
            "Erken destek merkezi, bir çocuk daha yavaş geliştiğinde, geç konuştuğunda, bir engeli olduğunda ya da engel riski taşıdığında yardım eder. Özel eğitimci, terapist ve doktorlardan oluşan bir ekip çocuğu dikkatle inceler ve merkezde, evde ya da Kita'da destekler. Anne babalar sürece yakından katılır.",
            "Doğumdan okula başlayana kadar çocuklar ve anne babaları.",
            "",
            "İlk danışma sevk olmadan mümkündür. Merkez destek başvurusunda size yardım eder; masrafları sağlık sigortası ve sosyal daire karşılar.",
        ),
        uk=(
            "Центр ранньої допомоги (Frühförderstelle) – {place}",
            "Центр ранньої допомоги підтримує, коли дитина розвивається повільніше, пізно починає говорити, має інвалідність або ризик її виникнення. Команда корекційних педагогів, терапевтів і лікарів уважно оглядає дитину та займається з нею – у центрі, вдома чи в дитсадку. Батьки беруть у цьому активну участь.",
            "Діти від народження до вступу до школи та їхні батьки.",
            "",
            "Першу консультацію можна отримати без направлення. Центр допоможе подати заяву на підтримку; витрати покривають медична страховка та соціальне відомство.",
        ),
    ),
)

FAMILIENBILDUNGSSTAETTE = Template(
    key="familienbildungsstaette",
    kind="kurs",
    topics=(
        "soziale-kontakte/eltern-kind-gruppen",
        "kindliche-entwicklung/erziehungsfragen",
        "gesundheit/ernaehrung-bewegung",
    ),
    ages=(0, 10),
    free=False,
    repeatable=True,
    hosts=("traeger",),
    texts=texts(
        de=(
            "Familienbildung: Kurse für Eltern und Kinder – {place}",
            "Die Familienbildungsstätte bietet das ganze Jahr Kurse an: Geburtsvorbereitung, Babymassage, Eltern-Kind-Turnen, Kochen mit Kindern, Erziehungskurse und Abende zu Themen wie Schlaf oder Medien. Viele Kurse finden vormittags statt, einige mit Kinderbetreuung.",
            "Schwangere, Eltern und Familien mit Kindern bis zehn Jahre.",
            "Je nach Kurs eine Gebühr; Ermäßigung mit Familien- oder Sozialpass und für Familien mit wenig Geld.",
            "Melden Sie sich telefonisch, per E-Mail oder vor Ort an.",
        ),
        en=(
            "Family education: courses for parents and children – {place}",
            "The family education centre runs courses all year: birth preparation, baby massage, parent-and-child gym, cooking with children, parenting courses and evenings on topics such as sleep or screens. Many courses are in the morning, some with childcare.",
            "Pregnant women, parents and families with children up to ten.",
            "A fee depending on the course; reduced with a family or social pass and for families on a low income.",
            "Register by phone, by e-mail or in person.",
        ),
        ar=(
            "تعليم العائلة: دورات للأهل والأطفال – {place}",
            "يقدّم مركز تعليم العائلة دورات طوال العام: التحضير للولادة، وتدليك الرضّع، والرياضة للأهل والأطفال، والطبخ مع الأطفال، ودورات التربية، وأمسيات حول مواضيع مثل النوم والوسائط الرقمية. كثير من الدورات صباحية، وبعضها مع رعاية للأطفال.",
            "الحوامل والأهل والعائلات التي لديها أطفال حتى سن العاشرة.",
            "رسوم حسب الدورة؛ مع تخفيض لحاملي بطاقة العائلة أو البطاقة الاجتماعية وللعائلات ذات الدخل المحدود.",
            "سجّلوا عبر الهاتف أو البريد الإلكتروني أو في المكان نفسه.",
        ),
        tr=(
            "Aile eğitimi: anne babalar ve çocuklar için kurslar – {place}",
            "Aile eğitim merkezi yıl boyunca kurslar sunar: doğuma hazırlık, bebek masajı, anne-çocuk jimnastiği, çocuklarla yemek yapma, eğitim kursları ve uyku ya da medya gibi konularda akşam buluşmaları. Birçok kurs sabahları yapılır, bazılarında çocuk bakımı vardır.",
            "Hamileler, anne babalar ve on yaşına kadar çocuğu olan aileler.",
            "Ücret kursa göre değişir; aile veya sosyal kart sahiplerine ve düşük gelirli ailelere indirim yapılır.",
            "Telefonla, e-postayla ya da yerinde kayıt olun.",
        ),
        uk=(
            "Сімейна освіта: курси для батьків і дітей – {place}",
            "Центр сімейної освіти пропонує курси впродовж усього року: підготовка до пологів, масаж для немовлят, гімнастика для батьків із дітьми, кулінарія з дітьми, курси з виховання та вечори на теми сну чи медіа. Багато курсів проходять уранці, деякі – з доглядом за дітьми.",
            "Вагітні, батьки та сім'ї з дітьми до десяти років.",
            "Плата залежить від курсу; знижки для власників сімейної чи соціальної картки та для сімей з невеликим доходом.",
            "Запишіться телефоном, електронною поштою або на місці.",
        ),
    ),
)

BABYTREFF = Template(
    key="babytreff",
    kind="gruppe",
    topics=(
        "soziale-kontakte/eltern-kind-gruppen",
        "soziale-kontakte/isolation",
        "kindliche-entwicklung/entwicklung",
    ),
    ages=(0, 1),
    org_kind="familienzentrum",
    repeatable=True,
    hosts=("familienzentrum", "traeger"),
    texts=texts(
        de=(
            "Babytreff – {place}",
            "Ein offener Treff für Eltern mit Babys im ersten Lebensjahr. Bei Tee und Kaffee tauschen Sie sich über Schlafen, Stillen, Beikost und Entwicklung aus; eine Fachkraft oder Hebamme ist dabei und beantwortet Fragen.",
            "Mütter und Väter mit Babys bis zwölf Monate.",
            "",
            "Kommen Sie einfach vorbei.",
        ),
        en=(
            "Baby group – {place}",
            "An open meeting for parents with babies in their first year. Over tea and coffee you share experiences about sleep, breastfeeding, first foods and development; a professional or midwife is there to answer questions.",
            "Mothers and fathers with babies up to twelve months.",
            "",
            "Just drop in.",
        ),
        ar=(
            "لقاء الرضّع – {place}",
            "لقاء مفتوح للأهل الذين لديهم رضّع في سنتهم الأولى. على فنجان شاي أو قهوة تتبادلون الخبرات حول النوم والرضاعة والطعام الأول والنمو، وتحضر مختصة أو قابلة للإجابة عن الأسئلة.",
            "الأمهات والآباء الذين لديهم رضّع حتى عمر اثني عشر شهرًا.",
            "",
            "تعالوا ببساطة.",
        ),
        tr=(
            "Bebek buluşması – {place}",
            "Bir yaşından küçük bebeği olan anne babalar için açık bir buluşma. Çay ve kahve eşliğinde uyku, emzirme, ek gıda ve gelişim hakkında deneyimlerinizi paylaşırsınız; sorularınızı yanıtlayan bir uzman ya da ebe de orada olur.",
            "On iki aya kadar bebeği olan anneler ve babalar.",
            "",
            "Uğramanız yeterli.",
        ),
        uk=(
            "Зустрічі для батьків із немовлятами – {place}",
            "Відкриті зустрічі для батьків із малюками першого року життя. За чаєм чи кавою ви обмінюєтеся досвідом щодо сну, грудного вигодовування, прикорму й розвитку; на зустрічі є фахівчиня або акушерка, яка відповідає на запитання.",
            "Мами й тата з немовлятами до дванадцяти місяців.",
            "",
            "Просто приходьте.",
        ),
    ),
)

ELTERN_KIND_GRUPPE = Template(
    key="eltern-kind-gruppe",
    kind="gruppe",
    topics=("soziale-kontakte/eltern-kind-gruppen", "kindliche-entwicklung/entwicklung"),
    ages=(1, 3),
    free=False,
    org_kind="familienzentrum",
    repeatable=True,
    hosts=("familienzentrum", "kita", "traeger"),
    texts=texts(
        de=(
            "Eltern-Kind-Gruppe (Krabbelgruppe) – {place}",
            "Einmal pro Woche treffen sich Eltern mit ihren Kleinkindern zum Spielen, Singen und Entdecken. Die Kinder lernen andere Kinder kennen, die Eltern tauschen sich aus. Eine Fachkraft leitet die Gruppe und gibt Anregungen für zu Hause.",
            "Eltern mit Kindern von einem bis drei Jahren.",
            "Ein kleiner Beitrag für Material und Getränke; er kann erlassen werden.",
            "Bitte melden Sie sich vorher an; ein Schnuppertermin ist immer möglich.",
        ),
        en=(
            "Parent-and-toddler group – {place}",
            "Once a week parents meet with their toddlers to play, sing and explore. The children get to know other children and the parents share their experiences. A trained leader runs the group and gives ideas to try at home.",
            "Parents with children aged one to three.",
            "A small contribution for materials and drinks; it can be waived.",
            "Please register beforehand; you are always welcome to come for a trial session.",
        ),
        ar=(
            "مجموعة الأهل والأطفال – {place}",
            "مرة في الأسبوع يلتقي الأهل مع أطفالهم الصغار للعب والغناء والاكتشاف. يتعرف الأطفال على أطفال آخرين، ويتبادل الأهل الخبرات. تقود المجموعة مختصة تقدم أفكارًا يمكن تجربتها في البيت.",
            "الأهل الذين لديهم أطفال من عمر سنة إلى ثلاث سنوات.",
            "مساهمة بسيطة للمواد والمشروبات، ويمكن الإعفاء منها.",
            "يرجى التسجيل مسبقًا؛ ويمكنكم دائمًا حضور لقاء تجريبي.",
        ),
        tr=(
            "Anne-baba-çocuk grubu – {place}",
            "Anne babalar haftada bir küçük çocuklarıyla oynamak, şarkı söylemek ve keşfetmek için buluşur. Çocuklar başka çocuklarla tanışır, anne babalar deneyimlerini paylaşır. Grubu bir uzman yönetir ve evde denenebilecek fikirler verir.",
            "Bir ile üç yaş arası çocuğu olan anne babalar.",
            "Malzeme ve içecekler için küçük bir katkı payı; bu ücretten muaf tutulabilirsiniz.",
            "Lütfen önceden kayıt olun; deneme katılımı her zaman mümkündür.",
        ),
        uk=(
            "Група для батьків із малюками – {place}",
            "Раз на тиждень батьки з малюками збираються, щоб гратися, співати й відкривати нове. Діти знайомляться з іншими дітьми, а батьки обмінюються досвідом. Групу веде фахівчиня, яка підказує ідеї для занять удома.",
            "Батьки з дітьми від одного до трьох років.",
            "Невеликий внесок за матеріали й напої; від нього можна звільнити.",
            "Будь ласка, запишіться заздалегідь; пробне заняття можливе завжди.",
        ),
    ),
)

SPRACHSPIELGRUPPE = Template(
    key="sprachspielgruppe",
    kind="foerderung",
    topics=(
        "inklusion/sprachfoerderung",
        "inklusion/neu-in-deutschland",
        "soziale-kontakte/eltern-kind-gruppen",
    ),
    ages=(1, 4),
    org_kind="familienzentrum",
    repeatable=True,
    hosts=("kita", "familienzentrum", "grundschule"),
    texts=texts(
        de=(
            "Sprachspielgruppe für Eltern und Kleinkinder – {place}",
            "In dieser Gruppe spielen, singen und erzählen Eltern gemeinsam mit ihren Kleinkindern. Sie erfahren, wie Sie die Sprachentwicklung Ihres Kindes im Alltag fördern – in Ihrer Familiensprache und auf Deutsch. Mehrsprachige Elternbegleiterinnen leiten die Treffen.",
            "Eltern mit Kindern von einem bis vier Jahren, besonders mehrsprachige Familien.",
            "",
            "Melden Sie sich telefonisch oder direkt beim Treffen an.",
        ),
        en=(
            "Language play group for parents and toddlers – {place}",
            "In this group parents play, sing and tell stories together with their toddlers. You learn how to support your child's language development in everyday life – in your family's language and in German. Multilingual parent guides lead the sessions.",
            "Parents with children aged one to four, especially multilingual families.",
            "",
            "Register by phone or at the group.",
        ),
        ar=(
            "مجموعة لعب لغوية للأهل والأطفال الصغار – {place}",
            "في هذه المجموعة يلعب الأهل ويغنّون ويروون القصص مع أطفالهم الصغار. تتعرفون على كيفية دعم النمو اللغوي لطفلكم في الحياة اليومية، بلغة العائلة وبالألمانية. تقود اللقاءاتِ مرشداتٌ للأهل يتحدثن عدة لغات.",
            "الأهل الذين لديهم أطفال من سنة إلى أربع سنوات، وخاصة العائلات متعددة اللغات.",
            "",
            "سجّلوا عبر الهاتف أو مباشرة في اللقاء.",
        ),
        tr=(
            "Anne babalar ve küçük çocuklar için dil oyun grubu – {place}",
            "Bu grupta anne babalar küçük çocuklarıyla birlikte oynar, şarkı söyler ve hikâye anlatır. Çocuğunuzun dil gelişimini günlük hayatta – ailenizin dilinde ve Almanca – nasıl destekleyeceğinizi öğrenirsiniz. Buluşmaları birden fazla dil konuşan veli rehberleri yönetir.",
            "Bir ile dört yaş arası çocuğu olan anne babalar, özellikle çok dilli aileler.",
            "",
            "Telefonla ya da doğrudan buluşmada kayıt olun.",
        ),
        uk=(
            "Мовна ігрова група для батьків і малюків – {place}",
            "У цій групі батьки граються, співають і розповідають історії разом зі своїми малюками. Ви дізнаєтеся, як підтримувати мовленнєвий розвиток дитини в повсякденні – рідною мовою вашої сім'ї та німецькою. Зустрічі ведуть багатомовні помічниці для батьків.",
            "Батьки з дітьми від одного до чотирьох років, особливо багатомовні сім'ї.",
            "",
            "Запишіться телефоном або прямо на зустрічі.",
        ),
    ),
)

DEUTSCH_FUER_ELTERN = Template(
    key="deutsch-fuer-eltern",
    kind="kurs",
    topics=("inklusion/sprachfoerderung", "inklusion/neu-in-deutschland", "kinderbetreuung"),
    ages=(0, 6),
    org_kind="familienzentrum",
    repeatable=True,
    hosts=("familienzentrum", "traeger", "grundschule"),
    texts=texts(
        de=(
            "Deutschkurs für Eltern mit Kinderbetreuung – {place}",
            "Ein Deutschkurs für Mütter und Väter, während die Kinder nebenan betreut werden. Geübt wird, was Eltern im Alltag brauchen: Gespräche in Kita und Schule, beim Kinderarzt und auf dem Amt. Der Kurs findet vormittags statt.",
            "Eltern mit geringen Deutschkenntnissen und Kindern bis sechs Jahre.",
            "",
            "Melden Sie sich vor Ort oder telefonisch an; Ihr Sprachstand wird beim ersten Treffen eingeschätzt.",
        ),
        en=(
            "German course for parents with childcare – {place}",
            "A German course for mothers and fathers while the children are looked after next door. You practise what parents need in everyday life: talking to the Kita and school, the paediatrician and public offices. The course is held in the morning.",
            "Parents with little German and children up to six.",
            "",
            "Register in person or by phone; your level is assessed at the first session.",
        ),
        ar=(
            "دورة لغة ألمانية للأهل مع رعاية للأطفال – {place}",
            "دورة لغة ألمانية للأمهات والآباء، بينما يُعتنى بالأطفال في الغرفة المجاورة. يتم التدرب على ما يحتاجه الأهل في الحياة اليومية: الحديث في الروضة والمدرسة وعند طبيب الأطفال وفي الدوائر الرسمية. تُقام الدورة صباحًا.",
            "الأهل الذين معرفتهم بالألمانية قليلة ولديهم أطفال حتى سن السادسة.",
            "",
            "سجّلوا في المكان أو عبر الهاتف؛ ويُحدَّد مستواكم في اللقاء الأول.",
        ),
        tr=(
            "Çocuk bakımlı veli Almanca kursu – {place}",
            "Çocuklar yan odada bakılırken anneler ve babalar için bir Almanca kursu. Anne babaların günlük hayatta ihtiyaç duyduğu konular çalışılır: Kita'da ve okulda, çocuk doktorunda ve resmi dairede konuşmalar. Kurs sabahları yapılır.",
            "Almancası az olan ve altı yaşına kadar çocuğu olan anne babalar.",
            "",
            "Yerinde ya da telefonla kayıt olun; seviyeniz ilk buluşmada belirlenir.",
        ),
        uk=(
            "Курс німецької для батьків із доглядом за дітьми – {place}",
            "Курс німецької мови для мам і тат, поки діти перебувають під наглядом у сусідній кімнаті. Ви вправляєтеся в тому, що потрібно батькам щодня: розмови в дитсадку й школі, у педіатра та в установах. Курс проходить уранці.",
            "Батьки з початковим рівнем німецької та дітьми до шести років.",
            "",
            "Запишіться на місці або телефоном; рівень визначать на першому занятті.",
        ),
    ),
)

ELTERNCAFE = Template(
    key="elterncafe",
    kind="gruppe",
    topics=("soziale-kontakte", "soziale-kontakte/isolation", "inklusion/neu-in-deutschland"),
    ages=(0, 10),
    org_kind="familienzentrum",
    repeatable=True,
    hosts=("familienzentrum", "kita", "grundschule", "traeger"),
    texts=texts(
        de=(
            "Elterncafé – {place}",
            "Im Elterncafé kommen Eltern aus dem Stadtteil bei Kaffee und Tee ins Gespräch, während die Kinder spielen. Manchmal kommt eine Fachkraft dazu und informiert über Themen wie Kita-Anmeldung, Gesundheit oder Hilfen für Familien.",
            "Alle Eltern und Großeltern mit Kindern, ganz gleich woher sie kommen.",
            "",
            "Kommen Sie einfach vorbei – ohne Anmeldung.",
        ),
        en=(
            "Parents' café – {place}",
            "At the parents' café, parents from the neighbourhood chat over coffee and tea while the children play. Sometimes a professional joins and gives information on topics such as Kita registration, health or support for families.",
            "All parents and grandparents with children, wherever they come from.",
            "",
            "Just drop in – no need to register.",
        ),
        ar=(
            "مقهى الأهل – {place}",
            "في مقهى الأهل يتحدث أهالي الحي مع بعضهم على القهوة والشاي بينما يلعب الأطفال. وأحيانًا تنضم مختصة وتقدم معلومات حول مواضيع مثل التسجيل في الروضة أو الصحة أو المساعدات المتاحة للعائلات.",
            "جميع الأهل والأجداد مع أطفالهم، أينما كان أصلهم.",
            "",
            "تعالوا ببساطة، دون تسجيل.",
        ),
        tr=(
            "Veli kafesi – {place}",
            "Veli kafesinde semtteki anne babalar çocuklar oynarken çay ve kahve eşliğinde sohbet eder. Bazen bir uzman da gelir ve Kita kaydı, sağlık ya da ailelere yönelik yardımlar gibi konularda bilgi verir.",
            "Nereden gelirse gelsin, çocuğu olan tüm anne babalar ve büyükanne büyükbabalar.",
            "",
            "Kayıt olmadan uğrayabilirsiniz.",
        ),
        uk=(
            "Батьківське кафе – {place}",
            "У батьківському кафе батьки з району спілкуються за кавою та чаєм, поки діти граються. Іноді приходить фахівчиня й розповідає про запис до дитсадка, здоров'я чи допомогу для сімей.",
            "Усі батьки, бабусі й дідусі з дітьми, звідки б вони не були.",
            "",
            "Просто приходьте – без запису.",
        ),
    ),
)

JOBCENTER_FAMILIEN = Template(
    key="jobcenter-familien",
    kind="anlaufstelle",
    topics=(
        "wirtschaftliche-lage/jobcenter",
        "wirtschaftliche-lage/antraege",
        "wirtschaftliche-lage/finanzielle-hilfen",
        "kinderbetreuung/betreuungsformen",
    ),
    ages=(0, 18),
    org_kind="amt",
    texts=texts(
        de=(
            "Jobcenter: Sprechstunde für Eltern – {place}",
            "Das Jobcenter {city} hat feste Ansprechpersonen für Familien, Alleinerziehende und Eltern in Elternzeit. Sie klären Fragen zu Bürgergeld, Bildungs- und Teilhabeleistungen, Kinderbetreuung während einer Arbeit oder Ausbildung und zum Wiedereinstieg in den Beruf.",
            "Eltern, die Bürgergeld beziehen oder beantragen möchten.",
            "",
            "Bringen Sie zur Sprechstunde Ihre Kundennummer und aktuelle Schreiben mit. Die Kita-Sozialarbeit oder das Familienbüro kann Sie begleiten.",
        ),
        en=(
            "Jobcenter: office hours for parents – {place}",
            "The {city} Jobcenter has dedicated advisers for families, single parents and parents on parental leave. They answer questions about Bürgergeld (basic income support), education and participation benefits, childcare while you work or train, and returning to work.",
            "Parents who receive Bürgergeld or would like to apply.",
            "",
            "Bring your customer number and recent letters to the office hours. Kita social work or the family office can come with you.",
        ),
        ar=(
            "مركز العمل (Jobcenter): ساعة استشارة للأهل – {place}",
            "لدى مركز العمل في {city} موظفون مختصون بالعائلات والأهل الذين يربّون أطفالهم وحدهم والأهل في إجازة الوالدين. يجيبون عن الأسئلة حول الإعانة الأساسية (Bürgergeld)، ومساعدات التعليم والمشاركة، ورعاية الأطفال أثناء العمل أو التدريب المهني، والعودة إلى العمل.",
            "الأهل الذين يحصلون على Bürgergeld أو يريدون تقديم طلب للحصول عليه.",
            "",
            "أحضروا إلى ساعة الاستشارة رقم الزبون والرسائل الحديثة. ويمكن أن يرافقكم فريق Kita-Sozialarbeit أو مكتب العائلة.",
        ),
        tr=(
            "Jobcenter: anne babalar için danışma saati – {place}",
            "{city} Jobcenter'ında aileler, çocuğunu tek başına büyüten ebeveynler ve ebeveyn iznindeki anne babalar için özel danışmanlar vardır. Bürgergeld (temel gelir desteği), eğitim ve katılım yardımları, çalışırken ya da meslek eğitimi sırasında çocuk bakımı ve işe geri dönüş hakkındaki sorularınızı yanıtlarlar.",
            "Bürgergeld alan ya da başvurmak isteyen anne babalar.",
            "",
            "Danışma saatine müşteri numaranızı ve son gelen yazıları getirin. Kita sosyal hizmeti ya da aile bürosu size eşlik edebilir.",
        ),
        uk=(
            "Jobcenter: години прийому для батьків – {place}",
            "У Jobcenter міста {city} є окремі консультанти для сімей, батьків-одинаків і батьків у декретній відпустці. Вони відповідають на запитання про Bürgergeld (базову соціальну допомогу), виплати на освіту й участь у житті суспільства, догляд за дітьми під час роботи чи навчання та повернення до роботи.",
            "Батьки, які отримують Bürgergeld або хочуть подати заяву.",
            "",
            "Візьміть на прийом свій номер клієнта та останні листи. Вас можуть супроводити працівники Kita-Sozialarbeit або сімейного бюро.",
        ),
    ),
)

SCHWANGERSCHAFTSBERATUNG = Template(
    key="schwangerschaftsberatung",
    kind="beratung",
    topics=(
        "gesundheit/gesundheitsinformation",
        "wirtschaftliche-lage/finanzielle-hilfen",
        "wirtschaftliche-lage/antraege",
    ),
    ages=(0, 3),
    org_kind="beratungsstelle",
    repeatable=True,
    hosts=("beratungsstelle",),
    texts=texts(
        de=(
            "Schwangerschaftsberatung – {place}",
            "Beratung rund um Schwangerschaft und Geburt: zu Ihren Rechten bei der Arbeit, zu Elterngeld, Kindergeld und anderen Leistungen, zu Zuschüssen aus Stiftungsmitteln für die Erstausstattung und bei Konflikten oder Ängsten. Die Beratung ist kostenlos, vertraulich und auf Wunsch anonym.",
            "Schwangere, werdende Väter und Eltern mit Kindern bis drei Jahre.",
            "",
            "Vereinbaren Sie telefonisch einen Termin; in dringenden Fällen gibt es schnell ein Gespräch.",
        ),
        en=(
            "Pregnancy counselling – {place}",
            "Advice on pregnancy and birth: your rights at work, parental allowance, child benefit and other benefits, grants from foundations for baby equipment, and support with conflicts or fears. Counselling is free, confidential and anonymous if you wish.",
            "Pregnant women, fathers-to-be and parents with children up to three.",
            "",
            "Call to make an appointment; in urgent cases you can talk to someone quickly.",
        ),
        ar=(
            "استشارات الحمل – {place}",
            "استشارات حول الحمل والولادة: حقوقكِ في العمل، وإعانة الوالدين وإعانة الأطفال وغيرها من المساعدات، ومنح من مؤسسات لشراء مستلزمات الطفل الأولى، والدعم عند النزاعات أو المخاوف. الاستشارة مجانية وسرية، ودون ذكر الاسم إن رغبتم.",
            "الحوامل والآباء المنتظرون والأهل الذين لديهم أطفال حتى سن الثالثة.",
            "",
            "اتصلوا لتحديد موعد؛ وفي الحالات العاجلة يمكن الحصول على لقاء سريع.",
        ),
        tr=(
            "Hamilelik danışmanlığı – {place}",
            "Hamilelik ve doğum konusunda danışmanlık: iş yerindeki haklarınız, ebeveyn parası, çocuk parası ve diğer yardımlar, bebek ihtiyaçları için vakıflardan destek ve çatışma ya da korku durumlarında yardım. Danışmanlık ücretsiz, gizli ve isterseniz isim vermeden yapılır.",
            "Hamileler, baba adayları ve üç yaşına kadar çocuğu olan anne babalar.",
            "",
            "Telefonla randevu alın; acil durumlarda kısa sürede görüşme yapılabilir.",
        ),
        uk=(
            "Консультації для вагітних – {place}",
            "Консультації щодо вагітності й пологів: ваші права на роботі, батьківська допомога (Elterngeld), допомога на дитину (Kindergeld) та інші виплати, кошти фондів на перші речі для малюка, підтримка в конфліктах чи страхах. Консультація безкоштовна, конфіденційна й за бажанням анонімна.",
            "Вагітні, майбутні батьки та сім'ї з дітьми до трьох років.",
            "",
            "Зателефонуйте, щоб записатися; у термінових випадках розмову можна отримати швидко.",
        ),
    ),
)

FAMILIENHEBAMMEN = Template(
    key="familienhebammen",
    kind="beratung",
    topics=(
        "gesundheit/gesundheitsinformation",
        "gesundheit/kinderarzt",
        "kindliche-entwicklung/entwicklung",
        "soziale-kontakte/isolation",
    ),
    ages=(0, 1),
    org_kind="amt",
    municipal=True,
    texts=texts(
        de=(
            "Familienhebammen – {place}",
            "Familienhebammen und Familien-Kinderkrankenpflegerinnen begleiten Familien in belastenden Lebenslagen während der Schwangerschaft und im ersten Lebensjahr des Kindes. Sie kommen regelmäßig nach Hause, helfen bei Pflege, Ernährung und Arztbesuchen und stärken das Vertrauen in den Umgang mit dem Baby.",
            "Schwangere und Familien mit Babys bis zwölf Monate, die besondere Unterstützung brauchen.",
            "",
            "Melden Sie sich selbst oder über Ihre Hebamme, die Kinderarztpraxis, die Babylotsen oder das Jugendamt.",
        ),
        en=(
            "Family midwives – {place}",
            "Family midwives and family paediatric nurses support families in difficult circumstances during pregnancy and the baby's first year. They visit regularly at home, help with care, feeding and doctor's appointments, and build your confidence in looking after your baby.",
            "Pregnant women and families with babies up to twelve months who need extra support.",
            "",
            "Contact them yourself or through your midwife, paediatrician, the baby pilots or the youth welfare office.",
        ),
        ar=(
            "قابلات الأسرة – {place}",
            "ترافق قابلاتُ الأسرة وممرضاتُ الأطفال العائلاتِ التي تمر بظروف صعبة أثناء الحمل وفي السنة الأولى من عمر الطفل. يزرن البيت بانتظام، ويساعدن في العناية والتغذية ومواعيد الطبيب، ويقوّين ثقتكم في رعاية طفلكم.",
            "الحوامل والعائلات التي لديها رضّع حتى اثني عشر شهرًا وتحتاج إلى دعم خاص.",
            "",
            "تواصلوا بأنفسكم أو عن طريق القابلة أو طبيب الأطفال أو مرشدي المواليد أو مكتب رعاية الشباب.",
        ),
        tr=(
            "Aile ebeleri – {place}",
            "Aile ebeleri ve aile çocuk hemşireleri, zor koşullardaki ailelere hamilelik sırasında ve bebeğin ilk yılında eşlik eder. Düzenli olarak eve gelir, bakım, beslenme ve doktor randevularında yardım eder ve bebeğinize bakma konusunda kendinize güveninizi artırırlar.",
            "Özel desteğe ihtiyaç duyan hamileler ve on iki aya kadar bebeği olan aileler.",
            "",
            "Kendiniz ya da ebeniz, çocuk doktorunuz, bebek rehberleri veya Gençlik Dairesi aracılığıyla başvurun.",
        ),
        uk=(
            "Сімейні акушерки – {place}",
            "Сімейні акушерки та дитячі медсестри супроводжують сім'ї у складних життєвих обставинах під час вагітності й у перший рік життя дитини. Вони регулярно приходять додому, допомагають з доглядом, годуванням і візитами до лікаря та додають вам упевненості в догляді за малюком.",
            "Вагітні та сім'ї з немовлятами до дванадцяти місяців, яким потрібна особлива підтримка.",
            "",
            "Зверніться самостійно або через свою акушерку, педіатра, лоцманів для малюків чи відомство у справах молоді.",
        ),
    ),
)

SOZIALBERATUNG = Template(
    key="sozialberatung",
    kind="beratung",
    topics=(
        "wirtschaftliche-lage/finanzielle-hilfen",
        "wirtschaftliche-lage/antraege",
        "wirtschaftliche-lage/mietschulden",
        "wirtschaftliche-lage/wohnungsverlust",
    ),
    ages=(0, 18),
    org_kind="beratungsstelle",
    repeatable=True,
    hosts=("beratungsstelle", "traeger"),
    texts=texts(
        de=(
            "Sozial- und Schuldnerberatung für Familien – {place}",
            "Wenn das Geld nicht reicht, Rechnungen liegen bleiben oder Mietschulden drohen, hilft diese Beratung. Gemeinsam verschaffen Sie sich einen Überblick, prüfen, welche Leistungen Ihnen zustehen – etwa Kinderzuschlag oder Wohngeld –, und sprechen mit Vermietern und Gläubigern. Bei drohendem Wohnungsverlust gibt es schnell einen Termin.",
            "Familien mit Kindern in {city}, die Geldsorgen oder Schulden haben.",
            "",
            "Rufen Sie an oder kommen Sie zur offenen Sprechstunde. Bringen Sie, wenn möglich, Ihre Schreiben und Kontoauszüge mit.",
        ),
        en=(
            "Social and debt advice for families – {place}",
            "If money is short, bills pile up or rent arrears are building, this service can help. Together you get an overview, check which benefits you are entitled to – such as child supplement or housing benefit – and talk to landlords and creditors. If you are at risk of losing your home, you get an appointment quickly.",
            "Families with children in {city} who have money worries or debts.",
            "",
            "Call or come to the open office hours. If you can, bring your letters and bank statements.",
        ),
        ar=(
            "الاستشارة الاجتماعية واستشارة الديون للعائلات – {place}",
            "عندما لا يكفي المال، أو تتراكم الفواتير، أو تتراكم ديون الإيجار، تساعدكم هذه الاستشارة. تكوّنون معًا صورة واضحة عن وضعكم، وتتحققون من المساعدات التي يحق لكم الحصول عليها، مثل إضافة الطفل (Kinderzuschlag) أو بدل السكن (Wohngeld)، وتتحدثون مع المؤجرين والدائنين. وإذا كنتم مهددين بفقدان السكن تحصلون على موعد بسرعة.",
            "العائلات التي لديها أطفال في {city} وتعاني من هموم مالية أو ديون.",
            "",
            "اتصلوا أو تعالوا إلى ساعة الاستشارة المفتوحة، وأحضروا إن أمكن رسائلكم وكشوف الحساب.",
        ),
        tr=(
            "Aileler için sosyal danışmanlık ve borç danışmanlığı – {place}",
            "Para yetmediğinde, faturalar biriktiğinde ya da kira borcu oluştuğunda bu danışmanlık yardım eder. Birlikte durumunuza genel bir bakış yapar, çocuk ek ödeneği (Kinderzuschlag) veya konut yardımı (Wohngeld) gibi hangi yardımlara hakkınız olduğunu kontrol eder ve ev sahipleri ile alacaklılarla konuşursunuz. Evinizi kaybetme riski varsa hızlıca randevu alırsınız.",
            "{city}'da para sıkıntısı ya da borcu olan çocuklu aileler.",
            "",
            "Arayın ya da açık danışma saatine gelin. Mümkünse yazılarınızı ve banka hesap dökümlerinizi getirin.",
        ),
        uk=(
            "Соціальні та боргові консультації для сімей – {place}",
            "Коли бракує грошей, накопичуються рахунки чи борги за оренду, ця консультація допоможе. Разом ви оціните ситуацію, перевірите, на які виплати маєте право – наприклад, доплату на дитину (Kinderzuschlag) чи допомогу на житло (Wohngeld), – і поговорите з орендодавцями та кредиторами. Якщо вам загрожує втрата житла, зустріч призначать швидко.",
            "Сім'ї з дітьми в місті {city}, які мають фінансові труднощі чи борги.",
            "",
            "Зателефонуйте або приходьте у відкриті години прийому. За можливості візьміть листи й виписки з рахунку.",
        ),
    ),
)

KINDERGESUNDHEIT = Template(
    key="kinder-jugendgesundheitsdienst",
    kind="sprechstunde",
    topics=(
        "gesundheit/kinderarzt",
        "gesundheit/gesundheitsinformation",
        "kindliche-entwicklung/entwicklung",
    ),
    ages=(0, 10),
    org_kind="amt",
    municipal=True,
    texts=texts(
        de=(
            "Kinder- und Jugendgesundheitsdienst – {place}",
            "Die Ärztinnen und Ärzte des Gesundheitsamts untersuchen Kinder vor der Einschulung, beraten zu Impfungen und Entwicklung und helfen Familien ohne Kinderarztpraxis, eine Praxis zu finden. In der Sprechstunde bekommen Sie auch ohne Krankenversicherung Rat.",
            "Familien mit Kindern bis zehn Jahre in {city}.",
            "",
            "Termine vergibt das Gesundheitsamt telefonisch; bringen Sie bitte das gelbe Untersuchungsheft und den Impfpass mit.",
        ),
        en=(
            "Child and youth health service – {place}",
            "Doctors from the public health office examine children before they start school, advise on vaccinations and development, and help families without a paediatrician find one. At the office hours you can get advice even without health insurance.",
            "Families with children up to ten in {city}.",
            "",
            "Call the health office for an appointment; please bring the yellow check-up booklet and the vaccination card.",
        ),
        ar=(
            "خدمة صحة الأطفال والشباب – {place}",
            "يفحص أطباء مكتب الصحة الأطفالَ قبل دخول المدرسة، ويقدمون المشورة حول التطعيمات والنمو، ويساعدون العائلات التي ليس لها طبيب أطفال في إيجاد عيادة. وفي ساعة الاستشارة يمكنكم الحصول على النصيحة حتى دون تأمين صحي.",
            "العائلات التي لديها أطفال حتى سن العاشرة في {city}.",
            "",
            "تُحدَّد المواعيد عبر الهاتف لدى مكتب الصحة؛ يرجى إحضار دفتر الفحوصات الأصفر وبطاقة التطعيم.",
        ),
        tr=(
            "Çocuk ve genç sağlığı hizmeti – {place}",
            "Sağlık dairesinin doktorları çocukları okula başlamadan önce muayene eder, aşılar ve gelişim konusunda danışmanlık yapar ve çocuk doktoru olmayan ailelerin bir muayenehane bulmasına yardım eder. Danışma saatinde sağlık sigortanız olmasa da bilgi alabilirsiniz.",
            "{city}'da on yaşına kadar çocuğu olan aileler.",
            "",
            "Randevular sağlık dairesinden telefonla alınır; lütfen sarı muayene kitapçığını ve aşı kartını getirin.",
        ),
        uk=(
            "Служба здоров'я дітей і молоді – {place}",
            "Лікарі відомства охорони здоров'я оглядають дітей перед вступом до школи, консультують щодо щеплень і розвитку та допомагають сім'ям без педіатра знайти лікаря. На прийомі можна отримати пораду навіть без медичної страховки.",
            "Сім'ї з дітьми до десяти років у місті {city}.",
            "",
            "Записатися можна телефоном у відомстві охорони здоров'я; візьміть, будь ласка, жовту книжку оглядів і щеплювальний паспорт.",
        ),
    ),
)

BETREUUNGSBERATUNG = Template(
    key="betreuungsberatung",
    kind="anlaufstelle",
    topics=(
        "kinderbetreuung",
        "kinderbetreuung/betreuungsformen",
        "kinderbetreuung/kita-anmeldung",
    ),
    ages=(0, 6),
    org_kind="amt",
    municipal=True,
    texts=texts(
        de=(
            "Beratung zu Kita-Platz und Kindertagespflege – {place}",
            "Welche Betreuung passt zu Ihrem Kind: Kita, Kindertagespflege oder eine Spielgruppe? Hier erfahren Sie, wie die Anmeldung funktioniert, welche Fristen gelten, was die Betreuung kostet und was Sie tun können, wenn Sie noch keinen Platz haben.",
            "Eltern mit Kindern bis zum Schuleintritt in {city}.",
            "",
            "Kommen Sie zur Sprechstunde oder rufen Sie an. Bringen Sie, wenn vorhanden, Ihre Anmeldebestätigung mit.",
        ),
        en=(
            "Advice on Kita places and childminders – {place}",
            "Which kind of childcare suits your child: a Kita, a childminder (Kindertagespflege) or a play group? Find out how registration works, which deadlines apply, what childcare costs and what you can do if you do not have a place yet.",
            "Parents with children up to school age in {city}.",
            "",
            "Come to the office hours or call. If you have one, bring your registration confirmation.",
        ),
        ar=(
            "استشارة حول مكان في الروضة ورعاية الأطفال لدى مربية – {place}",
            "أي نوع من الرعاية يناسب طفلكم: الروضة، أم الرعاية لدى مربية أطفال (Kindertagespflege)، أم مجموعة لعب؟ هنا تعرفون كيف يتم التسجيل، وما المواعيد النهائية، وكم تكلف الرعاية، وماذا يمكنكم أن تفعلوا إذا لم تحصلوا بعد على مكان.",
            "الأهل الذين لديهم أطفال حتى دخول المدرسة في {city}.",
            "",
            "تعالوا إلى ساعة الاستشارة أو اتصلوا، وأحضروا تأكيد التسجيل إن وُجد.",
        ),
        tr=(
            "Kita yeri ve gündüz bakıcısı danışmanlığı – {place}",
            "Çocuğunuza hangi bakım uygun: Kita, gündüz bakıcısı (Kindertagespflege) ya da bir oyun grubu? Burada kaydın nasıl yapıldığını, hangi sürelerin geçerli olduğunu, bakımın ne kadar tuttuğunu ve henüz yeriniz yoksa neler yapabileceğinizi öğrenirsiniz.",
            "{city}'da okul çağına kadar çocuğu olan anne babalar.",
            "",
            "Danışma saatine gelin ya da arayın. Varsa kayıt onayınızı getirin.",
        ),
        uk=(
            "Консультації щодо місця в дитсадку та денної няні – {place}",
            "Який догляд підходить вашій дитині: дитсадок, денна няня (Kindertagespflege) чи ігрова група? Тут ви дізнаєтеся, як проходить запис, які терміни діють, скільки коштує догляд і що робити, якщо місця ще немає.",
            "Батьки з дітьми до вступу до школи в місті {city}.",
            "",
            "Приходьте на прийом або зателефонуйте. Якщо маєте, візьміть підтвердження запису.",
        ),
    ),
)

OFFENER_GANZTAG = Template(
    key="offener-ganztag",
    kind="betreuung",
    topics=("kinderbetreuung", "kinderbetreuung/betreuungsformen"),
    ages=(6, 10),
    free=False,
    org_kind="grundschule",
    repeatable=True,
    hosts=("grundschule",),
    texts=texts(
        de=(
            "Offener Ganztag – {place}",
            "Nach dem Unterricht bleiben die Kinder bis zum Nachmittag in der Schule: mit Mittagessen, Hausaufgabenzeit, Spiel, Sport und AGs. Die Betreuung hilft berufstätigen Eltern und gibt den Kindern Zeit mit Gleichaltrigen.",
            "Kinder, die diese Grundschule besuchen, und ihre Eltern.",
            "Elternbeitrag nach Einkommen, für Familien mit wenig Geld beitragsfrei; Zuschuss zum Mittagessen über Bildung und Teilhabe.",
            "Anmeldung über das Sekretariat der Schule, meist bis zum Frühjahr für das neue Schuljahr.",
        ),
        en=(
            "Open all-day school – {place}",
            "After lessons the children stay at school until the afternoon: with lunch, homework time, play, sport and clubs. It helps working parents and gives children time with others their age.",
            "Children at this primary school and their parents.",
            "Parents' contribution depends on income and is waived for families on a low income; lunch can be subsidised through education and participation benefits.",
            "Register through the school office, usually by spring for the new school year.",
        ),
        ar=(
            "المدرسة المفتوحة طوال اليوم (Offener Ganztag) – {place}",
            "بعد الحصص الدراسية يبقى الأطفال في المدرسة حتى بعد الظهر: مع وجبة غداء، ووقت للواجبات، واللعب، والرياضة، والأنشطة. تساعد هذه الرعاية الأهل العاملين وتمنح الأطفال وقتًا مع أقرانهم.",
            "الأطفال الذين يدرسون في هذه المدرسة الابتدائية وأهاليهم.",
            "مساهمة الأهل حسب الدخل، وتُعفى منها العائلات ذات الدخل المحدود؛ ويمكن دعم وجبة الغداء عبر مساعدات التعليم والمشاركة.",
            "التسجيل عن طريق أمانة المدرسة، وغالبًا حتى الربيع للعام الدراسي الجديد.",
        ),
        tr=(
            "Açık tam gün okul (Offener Ganztag) – {place}",
            "Dersten sonra çocuklar öğleden sonraya kadar okulda kalır: öğle yemeği, ödev saati, oyun, spor ve kulüp çalışmaları ile. Bu bakım çalışan anne babalara yardım eder ve çocuklara yaşıtlarıyla vakit geçirme imkânı verir.",
            "Bu ilkokula giden çocuklar ve anne babaları.",
            "Veli katkı payı gelire göre belirlenir, düşük gelirli ailelerden alınmaz; öğle yemeği eğitim ve katılım yardımlarıyla desteklenebilir.",
            "Kayıt okulun sekreterliği üzerinden, genellikle yeni öğretim yılı için bahara kadar yapılır.",
        ),
        uk=(
            "Школа повного дня (Offener Ganztag) – {place}",
            "Після уроків діти залишаються в школі до другої половини дня: з обідом, часом для домашніх завдань, іграми, спортом і гуртками. Це допомагає працюючим батькам і дає дітям час з однолітками.",
            "Діти, які навчаються в цій початковій школі, та їхні батьки.",
            "Внесок батьків залежить від доходу, сім'ї з невеликим доходом не платять; обід можна оплатити частково через виплати на освіту й участь.",
            "Запис через секретаріат школи, зазвичай до весни на новий навчальний рік.",
        ),
    ),
)

BEWEGUNGSGRUPPE = Template(
    key="bewegungsgruppe",
    kind="gruppe",
    topics=("gesundheit/ernaehrung-bewegung", "kindliche-entwicklung/entwicklung"),
    ages=(1, 6),
    free=False,
    org_kind="familienzentrum",
    repeatable=True,
    hosts=("familienzentrum", "traeger", "kita"),
    texts=texts(
        de=(
            "Bewegungsgruppe für Kinder und Eltern – {place}",
            "Klettern, balancieren, rollen und toben: In der Bewegungsgruppe entdecken kleine Kinder mit ihren Eltern, was ihr Körper kann. Dazu gibt es einfache Tipps für Bewegung und gesundes Essen im Familienalltag.",
            "Kinder von einem bis sechs Jahren mit einem Elternteil.",
            "Kleiner Beitrag pro Kurs; ermäßigt oder kostenlos mit Familien- oder Sozialpass.",
            "Bitte vorher anmelden und bequeme Kleidung mitbringen.",
        ),
        en=(
            "Movement group for children and parents – {place}",
            "Climbing, balancing, rolling and romping: in the movement group young children and their parents discover what their bodies can do. You also get simple tips on exercise and healthy eating in everyday family life.",
            "Children aged one to six with a parent.",
            "A small fee per course; reduced or free with a family or social pass.",
            "Please register in advance and bring comfortable clothes.",
        ),
        ar=(
            "مجموعة حركة للأطفال والأهل – {place}",
            "التسلق والتوازن والتدحرج واللعب بحرية: في مجموعة الحركة يكتشف الأطفال الصغار مع أهلهم ما تستطيع أجسامهم فعله. وتحصلون أيضًا على نصائح بسيطة حول الحركة والأكل الصحي في الحياة اليومية للعائلة.",
            "الأطفال من سنة إلى ست سنوات مع أحد الوالدين.",
            "رسم بسيط لكل دورة؛ مخفّض أو مجاني مع بطاقة العائلة أو البطاقة الاجتماعية.",
            "يرجى التسجيل مسبقًا وإحضار ملابس مريحة.",
        ),
        tr=(
            "Çocuklar ve anne babalar için hareket grubu – {place}",
            "Tırmanmak, denge kurmak, yuvarlanmak ve koşup oynamak: Hareket grubunda küçük çocuklar anne babalarıyla birlikte bedenlerinin neler yapabildiğini keşfeder. Ayrıca aile hayatında hareket ve sağlıklı beslenme için basit öneriler alırsınız.",
            "Bir ile altı yaş arası çocuklar ve bir ebeveyn.",
            "Kurs başına küçük bir ücret; aile ya da sosyal kart ile indirimli veya ücretsiz.",
            "Lütfen önceden kayıt olun ve rahat kıyafetler getirin.",
        ),
        uk=(
            "Рухова група для дітей і батьків – {place}",
            "Лазити, балансувати, перекочуватися й бігати: у руховій групі малюки разом із батьками відкривають, на що здатне їхнє тіло. Ви також отримаєте прості поради щодо руху та здорового харчування в сімейному повсякденні.",
            "Діти від одного до шести років разом з одним із батьків.",
            "Невелика плата за курс; зі знижкою або безкоштовно із сімейною чи соціальною карткою.",
            "Будь ласка, запишіться заздалегідь і візьміть зручний одяг.",
        ),
    ),
)

MIGRATIONSBERATUNG = Template(
    key="migrationsberatung",
    kind="beratung",
    topics=(
        "inklusion/neu-in-deutschland",
        "wirtschaftliche-lage/antraege",
        "kinderbetreuung/kita-anmeldung",
    ),
    ages=(0, 18),
    org_kind="beratungsstelle",
    repeatable=True,
    hosts=("beratungsstelle", "traeger"),
    interpretation="Bei Bedarf wird eine Dolmetscherin oder ein Dolmetscher hinzugezogen.",
    texts=texts(
        de=(
            "Beratung für neu zugewanderte Familien – {place}",
            "Wer neu in {city} ist, hat viele Fragen: Wie melde ich mein Kind in Kita oder Schule an? Welche Anträge brauche ich, wo finde ich einen Sprachkurs und eine Kinderarztpraxis? Die Beraterinnen und Berater helfen Schritt für Schritt, füllen mit Ihnen Formulare aus und begleiten Sie bei Bedarf zu Ämtern.",
            "Familien, die in den letzten Jahren nach Deutschland gekommen sind, auch Geflüchtete.",
            "",
            "Kommen Sie zur offenen Sprechstunde; für längere Gespräche vereinbaren wir einen Termin.",
        ),
        en=(
            "Advice for newly arrived families – {place}",
            "If you are new in {city}, you have many questions: How do I register my child for a Kita or school? Which applications do I need, where do I find a language course and a paediatrician? The advisers help step by step, fill in forms with you and can go with you to public offices.",
            "Families who have come to Germany in recent years, including refugees.",
            "",
            "Come to the open office hours; for longer talks we make an appointment.",
        ),
        ar=(
            "استشارة للعائلات القادمة حديثًا – {place}",
            "من وصل حديثًا إلى {city} لديه أسئلة كثيرة: كيف أسجّل طفلي في الروضة أو المدرسة؟ ما الطلبات التي أحتاجها، وأين أجد دورة لغة وطبيب أطفال؟ يساعدكم المستشارون خطوة بخطوة، ويملؤون معكم الاستمارات، ويرافقونكم إلى الدوائر الرسمية عند الحاجة.",
            "العائلات التي جاءت إلى ألمانيا في السنوات الأخيرة، ومنها العائلات اللاجئة.",
            "",
            "تعالوا إلى ساعة الاستشارة المفتوحة؛ وللأحاديث الأطول نحدد موعدًا.",
        ),
        tr=(
            "Yeni gelen aileler için danışmanlık – {place}",
            "{city}'a yeni gelenlerin birçok sorusu olur: Çocuğumu Kita'ya ya da okula nasıl kaydettiririm? Hangi başvurulara ihtiyacım var, dil kursunu ve çocuk doktorunu nerede bulurum? Danışmanlar adım adım yardım eder, formları sizinle birlikte doldurur ve gerekirse resmi dairelere eşlik eder.",
            "Son yıllarda Almanya'ya gelmiş aileler, mülteciler de dahil.",
            "",
            "Açık danışma saatine gelin; uzun görüşmeler için randevu veririz.",
        ),
        uk=(
            "Консультації для сімей, які нещодавно приїхали – {place}",
            "Хто нещодавно приїхав до міста {city}, має багато запитань: як записати дитину до дитсадка чи школи? Які заяви потрібні, де знайти мовний курс і педіатра? Консультанти допоможуть крок за кроком, разом із вами заповнять формуляри й за потреби супроводять до установ.",
            "Сім'ї, які приїхали до Німеччини в останні роки, зокрема біженці.",
            "",
            "Приходьте у відкриті години прийому; для довшої розмови ми призначимо зустріч.",
        ),
    ),
)

TEMPLATES = (
    FAMILIENBUERO_BEZIRK,
    KITA_SOZIALARBEIT_VOR_ORT,
    FAMILIENGRUNDSCHULZENTRUM,
    BABYLOTSEN,
    ERZIEHUNGSBERATUNG,
    FRUEHFOERDERUNG,
    FAMILIENBILDUNGSSTAETTE,
    BABYTREFF,
    ELTERN_KIND_GRUPPE,
    SPRACHSPIELGRUPPE,
    DEUTSCH_FUER_ELTERN,
    ELTERNCAFE,
    JOBCENTER_FAMILIEN,
    SCHWANGERSCHAFTSBERATUNG,
    FAMILIENHEBAMMEN,
    SOZIALBERATUNG,
    KINDERGESUNDHEIT,
    BETREUUNGSBERATUNG,
    OFFENER_GANZTAG,
    BEWEGUNGSGRUPPE,
    MIGRATIONSBERATUNG,
)
