"""The eighteen modules of Dortmund's early-help network (Frühe Hilfen).

The names come from the city's list of modules; the descriptions are written
for this demo in plain words and say what such an offer is for.
"""

from __future__ import annotations

from .base import Template, texts

START_MIT_STOLPERN = Template(
    key="start-mit-stolpern",
    kind="beratung",
    topics=(
        "gesundheit/gesundheitsinformation",
        "soziale-kontakte/isolation",
        "kindliche-entwicklung/entwicklung",
    ),
    ages=(0, 1),
    texts=texts(
        de=(
            "Start mit Stolpern",
            "Wenn der Start ins Familienleben holprig ist – nach einer schweren Geburt, mit einem zu früh geborenen oder kranken Baby oder wenn Sie sich mit allem allein fühlen –, begleitet Sie eine Fachkraft durch das erste Lebensjahr. Sie besucht Sie zu Hause, hört zu und hilft Ihnen, den Alltag mit dem Baby zu ordnen.",
            "Schwangere und Familien mit einem Baby im ersten Lebensjahr in Dortmund.",
        ),
        en=(
            "Start mit Stolpern – support when the start with your baby is bumpy",
            "If the start of family life is rough – after a difficult birth, with a premature or sick baby, or if you feel alone with everything – a trained professional supports you through your baby's first year. They visit you at home, listen and help you organise everyday life with your baby.",
            "Pregnant women and families with a baby in its first year, living in Dortmund.",
        ),
        ar=(
            "Start mit Stolpern – دعم عندما تكون البداية مع الطفل صعبة",
            "إذا كانت بداية الحياة العائلية متعثرة – بعد ولادة صعبة، أو مع طفل وُلد مبكرًا أو مريض، أو إذا شعرتم بأنكم وحدكم في مواجهة كل شيء – ترافقكم أخصائية أو أخصائي طوال السنة الأولى من عمر الطفل. تتم الزيارات في بيتكم، حيث يستمع إليكم المختص ويساعدكم على تنظيم الحياة اليومية مع الطفل.",
            "الحوامل والعائلات التي لديها طفل في سنته الأولى في دورتموند.",
        ),
        tr=(
            "Start mit Stolpern – bebekle başlangıç zor geçtiğinde destek",
            "Aile hayatına başlangıç zorlu geçiyorsa – zor bir doğumdan sonra, erken doğmuş ya da hasta bir bebekle veya her şeyle yalnız kaldığınızı hissediyorsanız – bir uzman bebeğinizin ilk yılı boyunca size eşlik eder. Sizi evinizde ziyaret eder, dinler ve bebekle günlük hayatınızı düzenlemenize yardım eder.",
            "Dortmund'da yaşayan hamileler ve bir yaşından küçük bebeği olan aileler.",
        ),
        uk=(
            "Start mit Stolpern – підтримка, коли початок із малюком непростий",
            "Якщо початок сімейного життя дається важко – після складних пологів, з недоношеною чи хворою дитиною або коли ви почуваєтеся самотніми з усім цим, – фахівець супроводжує вас протягом першого року життя дитини. Він відвідує вас удома, вислуховує й допомагає налагодити повсякденне життя з малюком.",
            "Вагітні та сім'ї з дитиною першого року життя в Дортмунді.",
        ),
    ),
)

STARTHILFE = Template(
    key="starthilfe",
    kind="beratung",
    topics=(
        "gesundheit/gesundheitsinformation",
        "gesundheit/kinderarzt",
        "kindliche-entwicklung/entwicklung",
    ),
    ages=(0, 1),
    municipal=True,
    texts=texts(
        de=(
            "Starthilfe",
            "Familienhebammen und Familien-Kinderkrankenpflegerinnen besuchen werdende Eltern und Familien mit Neugeborenen zu Hause. Sie beantworten Fragen zu Pflege, Ernährung, Schlaf und Entwicklung, achten gemeinsam mit Ihnen auf die Gesundheit Ihres Babys und zeigen Ihnen, wo es weitere Hilfe gibt.",
            "Schwangere und Eltern mit Kindern bis zum ersten Geburtstag, besonders wenn vieles neu oder schwierig ist.",
        ),
        en=(
            "Starthilfe – family midwives visit you at home",
            "Family midwives and paediatric nurses visit parents-to-be and families with newborns at home. They answer questions about care, feeding, sleep and development, keep an eye on your baby's health together with you and show you where to find further help.",
            "Pregnant women and parents of children up to their first birthday, especially when a lot is new or difficult.",
        ),
        ar=(
            "Starthilfe – قابلات الأسرة يزرنكم في البيت",
            "تزور قابلاتُ الأسرة وممرضاتُ الأطفال الآباءَ والأمهاتِ المنتظرين والعائلاتِ التي لديها مواليد جدد في البيت. يُجبن عن الأسئلة المتعلقة بالعناية والتغذية والنوم والنمو، ويتابعن معكم صحة طفلكم، ويدلُلنكم على أماكن المساعدة الأخرى.",
            "الحوامل والأهل الذين لديهم أطفال حتى عيد ميلادهم الأول، خاصة عندما يكون الكثير جديدًا أو صعبًا.",
        ),
        tr=(
            "Starthilfe – aile ebeleri sizi evinizde ziyaret eder",
            "Aile ebeleri ve çocuk hemşireleri, bebek bekleyen anne babaları ve yeni doğan bebeği olan aileleri evlerinde ziyaret eder. Bakım, beslenme, uyku ve gelişim hakkındaki sorularınızı yanıtlar, bebeğinizin sağlığını sizinle birlikte takip eder ve başka nerelerden yardım alabileceğinizi gösterirler.",
            "Hamileler ve bir yaşına kadar çocuğu olan anne babalar, özellikle birçok şey yeni veya zor olduğunda.",
        ),
        uk=(
            "Starthilfe – сімейні акушерки відвідують вас удома",
            "Сімейні акушерки та дитячі медсестри відвідують майбутніх батьків і сім'ї з новонародженими вдома. Вони відповідають на запитання про догляд, годування, сон і розвиток, разом із вами стежать за здоров'ям малюка й підказують, де знайти іншу допомогу.",
            "Вагітні та батьки дітей до першого дня народження, особливо коли багато що нове або складне.",
        ),
    ),
)

MELDEPFLICHT_U = Template(
    key="meldepflicht-u",
    kind="anlaufstelle",
    topics=("gesundheit/kinderarzt", "kindliche-entwicklung/entwicklung"),
    ages=(0, 6),
    municipal=True,
    texts=texts(
        de=(
            "Meldepflicht U",
            "Die Früherkennungsuntersuchungen U1 bis U9 in der Kinderarztpraxis zeigen früh, ob Ihr Kind gesund ist und sich gut entwickelt. In Nordrhein-Westfalen werden Eltern an die Termine erinnert. Fehlt eine Untersuchung, nimmt die Stadt Kontakt mit Ihnen auf und hilft Ihnen, eine Kinderarztpraxis und einen Termin zu finden.",
            "Eltern von Kindern bis zum Schulalter.",
        ),
        en=(
            "Meldepflicht U – reminders for children's check-ups",
            "The check-ups U1 to U9 at the paediatrician show early on whether your child is healthy and developing well. In North Rhine-Westphalia parents receive reminders of these appointments. If a check-up is missed, the city gets in touch and helps you find a paediatric practice and an appointment.",
            "Parents of children up to school age.",
        ),
        ar=(
            "Meldepflicht U – التذكير بفحوصات الأطفال الدورية",
            "تُظهر الفحوصات الدورية من U1 إلى U9 عند طبيب الأطفال مبكرًا ما إذا كان طفلكم بصحة جيدة وينمو بشكل سليم. في ولاية شمال الراين وستفاليا يتلقى الأهل تذكيرًا بهذه المواعيد. وإذا فات أحد الفحوصات، تتواصل المدينة معكم وتساعدكم في إيجاد عيادة أطفال وموعد.",
            "أهالي الأطفال حتى سن المدرسة.",
        ),
        tr=(
            "Meldepflicht U – çocuk muayenelerini hatırlatma",
            "Çocuk doktorundaki U1'den U9'a kadar erken tanı muayeneleri, çocuğunuzun sağlıklı olup olmadığını ve iyi gelişip gelişmediğini erkenden gösterir. Kuzey Ren-Vestfalya'da anne babalara bu randevular hatırlatılır. Bir muayene yapılmamışsa belediye sizinle iletişime geçer ve bir çocuk doktoru ile randevu bulmanıza yardım eder.",
            "Okul çağına kadar çocuğu olan anne babalar.",
        ),
        uk=(
            "Meldepflicht U – нагадування про профілактичні огляди дітей",
            "Профілактичні огляди U1–U9 у педіатра вчасно показують, чи здорова дитина і чи добре вона розвивається. У землі Північний Рейн – Вестфалія батькам нагадують про ці огляди. Якщо огляд пропущено, місто зв'яжеться з вами й допоможе знайти педіатра та записатися на прийом.",
            "Батьки дітей до шкільного віку.",
        ),
    ),
)

SCHULSPRECHSTUNDE = Template(
    key="schulsprechstunde",
    kind="sprechstunde",
    topics=("kindliche-entwicklung/erziehungsfragen", "wirtschaftliche-lage/antraege"),
    ages=(5, 10),
    municipal=True,
    texts=texts(
        de=(
            "Schulsprechstunde",
            "Fachkräfte des Jugendamts bieten an Grundschulen regelmäßig Sprechstunden an. Eltern können dort ohne großen Aufwand über Sorgen sprechen – etwa über Streit zu Hause, Schwierigkeiten in der Schule oder Geldsorgen – und erfahren, welche Hilfe es gibt.",
            "Eltern von Grundschulkindern und von Kindern kurz vor der Einschulung.",
        ),
        en=(
            "Schulsprechstunde – youth welfare office hours at school",
            "Staff from the youth welfare office hold regular office hours at primary schools. Parents can easily talk about their worries there – for example arguments at home, problems at school or money worries – and find out what help is available.",
            "Parents of primary school children and of children about to start school.",
        ),
        ar=(
            "Schulsprechstunde – ساعات استشارة في المدرسة",
            "يقدّم مختصون من مكتب رعاية الشباب ساعات استشارة منتظمة في المدارس الابتدائية. يمكن للأهل هناك التحدث بسهولة عن همومهم – مثل الخلافات في البيت أو صعوبات المدرسة أو هموم المال – ومعرفة المساعدات المتاحة.",
            "أهالي تلاميذ المدارس الابتدائية والأطفال الذين سيدخلون المدرسة قريبًا.",
        ),
        tr=(
            "Schulsprechstunde – okulda danışma saati",
            "Gençlik Dairesi uzmanları ilkokullarda düzenli danışma saatleri sunar. Anne babalar orada kolayca endişelerini konuşabilir – örneğin evdeki tartışmalar, okuldaki zorluklar ya da para sıkıntısı – ve hangi yardımların olduğunu öğrenebilir.",
            "İlkokul çocuklarının ve okula başlamak üzere olan çocukların anne babaları.",
        ),
        uk=(
            "Schulsprechstunde – консультації в школі",
            "Фахівці відомства у справах молоді регулярно проводять години консультацій у початкових школах. Батьки можуть там легко поговорити про свої турботи – наприклад, про сварки вдома, труднощі в школі чи брак грошей – і дізнатися, яка допомога існує.",
            "Батьки учнів початкової школи та дітей, які незабаром підуть до школи.",
        ),
    ),
)

FAMILIENBUERO_MODUL = Template(
    key="familienbuero-modul",
    kind="anlaufstelle",
    topics=(
        "kinderbetreuung/kita-anmeldung",
        "soziale-kontakte",
        "wirtschaftliche-lage/finanzielle-hilfen",
    ),
    ages=(0, 6),
    municipal=True,
    texts=texts(
        de=(
            "Familienbüro",
            "In jedem der zwölf Dortmunder Stadtbezirke gibt es ein Familienbüro. Nach der Geburt eines Kindes bietet es einen Begrüßungsbesuch mit Informationen an. Die Mitarbeitenden kennen die Angebote im Stadtteil, helfen bei der Anmeldung im Kita-Portal und zeigen Ihnen passende Angebote direkt auf dem Tablet.",
            "Alle Familien in Dortmund, besonders Familien mit kleinen Kindern.",
        ),
        en=(
            "Familienbüro – family offices in every district",
            "Each of Dortmund's twelve districts has a family office. After a baby is born, it offers a welcome visit with useful information. The staff know what is on offer locally, help you register on the Kita portal and can show you suitable services right away on a tablet.",
            "All families in Dortmund, especially those with young children.",
        ),
        ar=(
            "Familienbüro – مكاتب العائلة في كل حي",
            "يوجد في كل حي من أحياء دورتموند الاثني عشر مكتب للعائلة. بعد ولادة طفل يعرض المكتب زيارة ترحيبية مع معلومات مفيدة. يعرف الموظفون العروض المتاحة في الحي، ويساعدون في التسجيل في بوابة رياض الأطفال (Kita-Portal)، ويعرضون عليكم العروض المناسبة مباشرة على جهاز لوحي.",
            "جميع العائلات في دورتموند، وخاصة العائلات التي لديها أطفال صغار.",
        ),
        tr=(
            "Familienbüro – her semtte bir aile bürosu",
            "Dortmund'un on iki semtinin her birinde bir aile bürosu vardır. Bir çocuk doğduktan sonra büro, bilgi içeren bir hoş geldin ziyareti önerir. Çalışanlar semtteki hizmetleri bilir, Kita-Portal'a kayıtta yardım eder ve size uygun hizmetleri hemen tablet üzerinden gösterir.",
            "Dortmund'daki tüm aileler, özellikle küçük çocuklu aileler.",
        ),
        uk=(
            "Familienbüro – сімейні бюро в кожному районі",
            "У кожному з дванадцяти районів Дортмунда є сімейне бюро. Після народження дитини воно пропонує вітальний візит із корисною інформацією. Працівники знають, що пропонує район, допомагають зареєструватися на порталі дитсадків (Kita-Portal) і одразу показують відповідні пропозиції на планшеті.",
            "Усі сім'ї в Дортмунді, особливо з маленькими дітьми.",
        ),
    ),
)

AUFSUCHENDE_ELTERNBERATUNG = Template(
    key="aufsuchende-elternberatung",
    kind="beratung",
    topics=(
        "kindliche-entwicklung/erziehungsfragen",
        "inklusion/neu-in-deutschland",
        "soziale-kontakte/isolation",
    ),
    ages=(0, 6),
    texts=texts(
        de=(
            "Aufsuchende Elternberatung",
            "Beraterinnen und Berater kommen zu Ihnen nach Hause – auf Wunsch in Ihrer Sprache. Sie sprechen mit Ihnen über Erziehung, den Alltag mit Kindern, Kita und Schule und helfen Ihnen, passende Angebote in Ihrer Nähe zu finden.",
            "Familien mit Kindern bis sechs Jahre, denen der Weg in eine Beratungsstelle schwerfällt.",
        ),
        en=(
            "Aufsuchende Elternberatung – parent advice at home",
            "Advisers come to your home – in your language if you wish. They talk with you about bringing up children, daily life with children, Kita and school, and help you find suitable services nearby.",
            "Families with children up to six who find it hard to get to a counselling centre.",
        ),
        ar=(
            "Aufsuchende Elternberatung – استشارة الأهل في البيت",
            "يأتي المستشارون إلى بيتكم، وبلغتكم إن رغبتم. يتحدثون معكم عن التربية والحياة اليومية مع الأطفال والروضة والمدرسة، ويساعدونكم في إيجاد عروض مناسبة قريبة منكم.",
            "العائلات التي لديها أطفال حتى سن السادسة ويصعب عليها الذهاب إلى مركز استشارة.",
        ),
        tr=(
            "Aufsuchende Elternberatung – evde anne baba danışmanlığı",
            "Danışmanlar evinize gelir – isterseniz kendi dilinizde. Sizinle çocuk yetiştirme, çocuklarla günlük hayat, Kita ve okul hakkında konuşur ve yakınınızdaki uygun hizmetleri bulmanıza yardım ederler.",
            "Bir danışma merkezine gitmekte zorlanan, altı yaşına kadar çocuğu olan aileler.",
        ),
        uk=(
            "Aufsuchende Elternberatung – консультації для батьків удома",
            "Консультанти приходять до вас додому – за бажанням вашою мовою. Вони говорять з вами про виховання, повсякдення з дітьми, дитсадок і школу та допомагають знайти відповідні пропозиції поблизу.",
            "Сім'ї з дітьми до шести років, яким важко дістатися до консультаційного центру.",
        ),
        ro=(
            "Aufsuchende Elternberatung – consiliere pentru părinți la domiciliu",
            "Consilierii vin la dumneavoastră acasă – dacă doriți, în limba dumneavoastră. Vorbesc despre educație, viața de zi cu zi cu copiii, grădiniță și școală și vă ajută să găsiți servicii potrivite în apropiere.",
            "Familii cu copii până la șase ani cărora le este greu să ajungă la un centru de consiliere.",
        ),
        bg=(
            "Aufsuchende Elternberatung – консултации за родители у дома",
            "Консултантите идват у вас – ако желаете, на вашия език. Говорят с вас за възпитанието, ежедневието с деца, детската градина и училището и ви помагат да намерите подходящи услуги наблизо.",
            "Семейства с деца до шест години, на които им е трудно да отидат в консултационен център.",
        ),
        pl=(
            "Aufsuchende Elternberatung – doradztwo dla rodziców w domu",
            "Doradcy przychodzą do Państwa domu – na życzenie w Państwa języku. Rozmawiają o wychowaniu, codzienności z dziećmi, przedszkolu i szkole oraz pomagają znaleźć odpowiednie oferty w pobliżu.",
            "Rodziny z dziećmi do szóstego roku życia, którym trudno dotrzeć do poradni.",
        ),
    ),
)

BERATUNGSSTELLEN = Template(
    key="beratungsstellen",
    kind="anlaufstelle",
    topics=("kindliche-entwicklung/erziehungsfragen", "gesundheit/psychische-krise"),
    ages=(0, 18),
    texts=texts(
        de=(
            "Beratungsstellen",
            "In Dortmund gibt es mehrere Beratungsstellen für Eltern, Kinder und Jugendliche – zum Beispiel für Erziehungsfragen, bei Trennung und Scheidung, in Krisen und rund um die Schwangerschaft. Hier erfahren Sie, welche Stelle zu Ihrer Frage passt und wie Sie schnell einen Termin bekommen. Die Beratung ist kostenlos und vertraulich.",
            "Eltern, Kinder und Jugendliche in Dortmund.",
        ),
        en=(
            "Beratungsstellen – counselling centres",
            "Dortmund has several counselling centres for parents, children and young people – for example on bringing up children, separation and divorce, crises and pregnancy. Here you find out which centre fits your question and how to get an appointment quickly. Counselling is free and confidential.",
            "Parents, children and young people in Dortmund.",
        ),
        ar=(
            "Beratungsstellen – مراكز الاستشارة",
            "توجد في دورتموند عدة مراكز استشارة للأهل والأطفال والشباب – مثلًا في أسئلة التربية، وعند الانفصال والطلاق، وفي الأزمات، وحول الحمل. هنا تعرفون أي مركز يناسب سؤالكم وكيف تحصلون بسرعة على موعد. الاستشارة مجانية وسرية.",
            "الأهل والأطفال والشباب في دورتموند.",
        ),
        tr=(
            "Beratungsstellen – danışma merkezleri",
            "Dortmund'da anne babalar, çocuklar ve gençler için birçok danışma merkezi vardır – örneğin çocuk yetiştirme soruları, ayrılık ve boşanma, kriz durumları ve hamilelik konularında. Burada sorunuza hangi merkezin uygun olduğunu ve nasıl hızlıca randevu alabileceğinizi öğrenirsiniz. Danışmanlık ücretsiz ve gizlidir.",
            "Dortmund'daki anne babalar, çocuklar ve gençler.",
        ),
        uk=(
            "Beratungsstellen – консультаційні центри",
            "У Дортмунді є кілька консультаційних центрів для батьків, дітей і молоді – наприклад, з питань виховання, під час розлучення, у кризах і щодо вагітності. Тут ви дізнаєтеся, який центр підходить для вашого питання і як швидко записатися на прийом. Консультації безкоштовні й конфіденційні.",
            "Батьки, діти та молодь у Дортмунді.",
        ),
    ),
)

HILFE_BEVOR_ES_BRENNT = Template(
    key="hilfe-bevor-es-brennt",
    kind="beratung",
    topics=(
        "kindliche-entwicklung/erziehungsfragen",
        "wirtschaftliche-lage",
        "gesundheit/psychische-krise",
    ),
    ages=(0, 18),
    texts=texts(
        de=(
            "Hilfe bevor es brennt",
            "Manchmal merkt man, dass sich etwas zusammenbraut: Streit in der Familie, Überforderung, Ärger mit der Schule oder mit Rechnungen. Dieses Angebot hilft schnell und für eine kurze Zeit, damit aus kleinen Problemen keine große Krise wird. Sie können sich selbst melden.",
            "Familien mit Kindern und Jugendlichen in Dortmund.",
        ),
        en=(
            "Hilfe bevor es brennt – help before things get out of hand",
            "Sometimes you can feel that trouble is building up: arguments in the family, feeling overwhelmed, problems with school or with bills. This service helps quickly and for a short time, so that small problems do not turn into a big crisis. You can get in touch yourself.",
            "Families with children and teenagers in Dortmund.",
        ),
        ar=(
            "Hilfe bevor es brennt – مساعدة قبل أن تتفاقم الأمور",
            "أحيانًا يشعر المرء بأن شيئًا ما يتراكم: خلافات في العائلة، أو إرهاق، أو مشاكل مع المدرسة أو مع الفواتير. يساعد هذا العرض بسرعة ولفترة قصيرة، حتى لا تتحول المشاكل الصغيرة إلى أزمة كبيرة. يمكنكم التواصل بأنفسكم.",
            "العائلات التي لديها أطفال ومراهقون في دورتموند.",
        ),
        tr=(
            "Hilfe bevor es brennt – iş işten geçmeden yardım",
            "Bazen bir şeylerin kötüye gittiğini hissedersiniz: ailede tartışmalar, bunalmışlık, okulla ya da faturalarla sorunlar. Bu hizmet, küçük sorunlar büyük bir krize dönüşmesin diye hızlı ve kısa süreli yardım eder. Kendiniz başvurabilirsiniz.",
            "Dortmund'da çocuğu ve genci olan aileler.",
        ),
        uk=(
            "Hilfe bevor es brennt – допомога, поки не стало надто пізно",
            "Іноді відчуваєш, що назріває щось недобре: сварки в родині, перевтома, проблеми зі школою чи з рахунками. Ця послуга допомагає швидко й на короткий час, щоб маленькі проблеми не переросли у велику кризу. Ви можете звернутися самі.",
            "Сім'ї з дітьми та підлітками в Дортмунді.",
        ),
    ),
)

KINDER_ALKOHOLKRANKER_ELTERN = Template(
    key="kinder-alkoholkranker-eltern",
    kind="gruppe",
    topics=("gesundheit/psychische-krise", "soziale-kontakte"),
    ages=(6, 14),
    texts=texts(
        de=(
            "Hilfen für Kinder alkoholkranker Eltern",
            "Kinder, deren Mutter oder Vater zu viel Alkohol trinkt, tragen oft eine schwere Last und sprechen mit niemandem darüber. In einer festen Gruppe treffen sie andere Kinder in der gleichen Lage, spielen, reden und erfahren, dass sie keine Schuld haben. Auch Eltern und andere wichtige Erwachsene werden vertraulich beraten.",
            "Kinder von 6 bis 14 Jahren aus Familien mit Alkoholproblemen und ihre Eltern.",
        ),
        en=(
            "Hilfen für Kinder alkoholkranker Eltern – help for children of parents with alcohol problems",
            "Children whose mother or father drinks too much often carry a heavy burden and tell nobody about it. In a regular group they meet other children in the same situation, play, talk and learn that it is not their fault. Parents and other important adults can also get confidential advice.",
            "Children aged 6 to 14 from families with alcohol problems, and their parents.",
        ),
        ar=(
            "Hilfen für Kinder alkoholkranker Eltern – مساعدة لأطفال الأهل المدمنين على الكحول",
            "الأطفال الذين تشرب أمهم أو أبوهم الكحول بإفراط يحملون غالبًا عبئًا ثقيلًا ولا يتحدثون عنه مع أحد. في مجموعة ثابتة يلتقون بأطفال آخرين في الوضع نفسه، فيلعبون ويتحدثون ويتعلمون أنهم ليسوا مذنبين. ويحصل الأهل والبالغون المقرّبون أيضًا على استشارة سرية.",
            "الأطفال من 6 إلى 14 عامًا من عائلات فيها مشاكل مع الكحول، وأهاليهم.",
        ),
        tr=(
            "Hilfen für Kinder alkoholkranker Eltern – alkol sorunu olan ebeveynlerin çocuklarına yardım",
            "Annesi ya da babası fazla alkol içen çocuklar çoğu zaman ağır bir yük taşır ve bunu kimseyle konuşmaz. Sabit bir grupta aynı durumdaki başka çocuklarla buluşur, oynar, konuşur ve suçun kendilerinde olmadığını öğrenirler. Anne babalar ve diğer önemli yetişkinler de gizli danışmanlık alabilir.",
            "Alkol sorunu olan ailelerden 6-14 yaş arası çocuklar ve anne babaları.",
        ),
        uk=(
            "Hilfen für Kinder alkoholkranker Eltern – допомога дітям батьків з алкогольною залежністю",
            "Діти, чия мама чи тато п'є забагато алкоголю, часто несуть важкий тягар і ні з ким про це не говорять. У постійній групі вони зустрічають інших дітей у такій самій ситуації, граються, розмовляють і дізнаються, що вони ні в чому не винні. Батьки та інші важливі дорослі також можуть отримати конфіденційну консультацію.",
            "Діти від 6 до 14 років із сімей, де є проблеми з алкоголем, та їхні батьки.",
        ),
    ),
)

BUERO_FUER_KINDERINTERESSEN = Template(
    key="buero-fuer-kinderinteressen",
    kind="anlaufstelle",
    topics=("soziale-kontakte",),
    ages=(0, 14),
    municipal=True,
    texts=texts(
        de=(
            "Büro für Kinderinteressen",
            "Das Büro setzt sich dafür ein, dass die Rechte und Wünsche von Kindern in der Stadt gehört werden – etwa bei Spielplätzen, Schulwegen und Freizeitangeboten. Kinder und Eltern können hier Ideen einbringen, Fragen stellen oder sich beschweren.",
            "Kinder, Eltern und alle, die sich für Kinder in Dortmund einsetzen.",
        ),
        en=(
            "Büro für Kinderinteressen – office for children's interests",
            "This office works to make sure children's rights and wishes are heard in the city – for example about playgrounds, routes to school and leisure activities. Children and parents can bring in ideas, ask questions or make complaints here.",
            "Children, parents and everyone who stands up for children in Dortmund.",
        ),
        ar=(
            "Büro für Kinderinteressen – مكتب مصالح الأطفال",
            "يعمل هذا المكتب على أن تُسمع حقوق الأطفال ورغباتهم في المدينة – مثلًا فيما يخص الملاعب وطرق المدرسة وأنشطة أوقات الفراغ. يمكن للأطفال والأهل هنا طرح أفكارهم أو أسئلتهم أو تقديم شكاوى.",
            "الأطفال والأهل وكل من يدافع عن الأطفال في دورتموند.",
        ),
        tr=(
            "Büro für Kinderinteressen – çocuk hakları bürosu",
            "Bu büro, şehirde çocukların haklarının ve isteklerinin duyulması için çalışır – örneğin oyun alanları, okul yolları ve boş zaman etkinlikleri konusunda. Çocuklar ve anne babalar burada fikirlerini paylaşabilir, soru sorabilir ya da şikâyette bulunabilir.",
            "Dortmund'da çocuklar, anne babalar ve çocuklar için çaba gösteren herkes.",
        ),
        uk=(
            "Büro für Kinderinteressen – бюро інтересів дітей",
            "Бюро дбає про те, щоб права й побажання дітей чули в місті – наприклад, щодо ігрових майданчиків, шляхів до школи та дозвілля. Діти й батьки можуть тут поділитися ідеями, поставити запитання або поскаржитися.",
            "Діти, батьки та всі, хто відстоює інтереси дітей у Дортмунді.",
        ),
    ),
)

FAMILIEN_STAERKEN = Template(
    key="familien-staerken-von-anfang-an",
    kind="kurs",
    topics=("kindliche-entwicklung/erziehungsfragen", "soziale-kontakte/eltern-kind-gruppen"),
    ages=(0, 3),
    texts=texts(
        de=(
            "Familien stärken von Anfang an",
            "Ein Gruppenangebot für Eltern mit Babys und Kleinkindern: Sie erfahren, was Ihr Kind in welchem Alter braucht, wie Sie seine Signale verstehen und wie Sie in anstrengenden Momenten ruhig bleiben. Nebenbei lernen Sie andere Eltern kennen.",
            "Eltern mit Kindern bis drei Jahre.",
        ),
        en=(
            "Familien stärken von Anfang an – strong families from the start",
            "A group for parents of babies and toddlers: you learn what your child needs at each age, how to understand their signals and how to stay calm in stressful moments. Along the way you meet other parents.",
            "Parents of children up to three.",
        ),
        ar=(
            "Familien stärken von Anfang an – تقوية العائلات منذ البداية",
            "عرض جماعي للأهل الذين لديهم رُضّع وأطفال صغار: تتعرفون على ما يحتاجه طفلكم في كل عمر، وكيف تفهمون إشاراته، وكيف تبقون هادئين في اللحظات المرهقة. وفي الوقت نفسه تتعرفون على أهالٍ آخرين.",
            "الأهل الذين لديهم أطفال حتى سن الثالثة.",
        ),
        tr=(
            "Familien stärken von Anfang an – aileleri en baştan güçlendirmek",
            "Bebeği ve küçük çocuğu olan anne babalar için bir grup: Çocuğunuzun hangi yaşta neye ihtiyaç duyduğunu, sinyallerini nasıl anlayacağınızı ve yorucu anlarda nasıl sakin kalacağınızı öğrenirsiniz. Bu arada başka anne babalarla da tanışırsınız.",
            "Üç yaşına kadar çocuğu olan anne babalar.",
        ),
        uk=(
            "Familien stärken von Anfang an – сильні сім'ї від самого початку",
            "Групове заняття для батьків немовлят і малюків: ви дізнаєтеся, що потрібно дитині в кожному віці, як розуміти її сигнали та як зберігати спокій у напружені моменти. Заодно ви познайомитеся з іншими батьками.",
            "Батьки дітей до трьох років.",
        ),
    ),
)

ELTERNSCHULE = Template(
    key="elternschule",
    kind="kurs",
    topics=("gesundheit/gesundheitsinformation", "kindliche-entwicklung/entwicklung"),
    ages=(0, 1),
    free=False,
    texts=texts(
        de=(
            "Elternschule",
            "Die Elternschule an einer Dortmunder Geburtsklinik bereitet werdende Eltern auf die Geburt und die erste Zeit mit dem Baby vor: Geburtsvorbereitung, Stillen, Babypflege und Erste Hilfe am Kind. Die Kurse leiten Hebammen, Pflegefachkräfte und Kinderärztinnen und -ärzte.",
            "Schwangere, werdende Väter und Eltern mit Neugeborenen.",
            "Geburtsvorbereitung zahlt meist die Krankenkasse. Für einige Kurse gibt es einen Eigenbeitrag, der auf Nachfrage ermäßigt werden kann.",
        ),
        en=(
            "Elternschule – antenatal and parenting classes at the birth clinic",
            "The parenting school at a Dortmund birth clinic prepares parents-to-be for the birth and the first weeks with their baby: birth preparation, breastfeeding, baby care and first aid for children. Classes are run by midwives, nurses and paediatricians.",
            "Pregnant women, fathers-to-be and parents of newborns.",
            "Health insurance usually pays for birth preparation. Some classes have a fee, which can be reduced on request.",
        ),
        ar=(
            "Elternschule – دورات للأهل في مستشفى الولادة",
            "تُعِدّ مدرسة الأهل في أحد مستشفيات الولادة في دورتموند الآباءَ والأمهاتِ المنتظرين للولادة وللأسابيع الأولى مع الطفل: التحضير للولادة، والرضاعة، والعناية بالرضيع، والإسعافات الأولية للأطفال. تقدّم الدورات قابلات وممرضات وأطباء أطفال.",
            "الحوامل والآباء المنتظرون والأهل الذين لديهم مواليد جدد.",
            "يدفع التأمين الصحي عادةً تكاليف التحضير للولادة. لبعض الدورات رسوم يمكن تخفيضها عند الطلب.",
        ),
        tr=(
            "Elternschule – doğum kliniğinde anne baba okulu",
            "Dortmund'daki bir doğum kliniğinin anne baba okulu, bebek bekleyenleri doğuma ve bebekle ilk zamanlara hazırlar: doğuma hazırlık, emzirme, bebek bakımı ve çocuklarda ilk yardım. Kursları ebeler, hemşireler ve çocuk doktorları verir.",
            "Hamileler, baba adayları ve yeni doğan bebeği olan anne babalar.",
            "Doğuma hazırlık kursunu genellikle sağlık sigortası öder. Bazı kurslar ücretlidir; istek üzerine indirim yapılabilir.",
        ),
        uk=(
            "Elternschule – школа для батьків у пологовій клініці",
            "Школа для батьків при одній із пологових клінік Дортмунда готує майбутніх батьків до пологів і перших тижнів із малюком: підготовка до пологів, грудне вигодовування, догляд за немовлям і перша допомога дітям. Заняття проводять акушерки, медсестри та педіатри.",
            "Вагітні, майбутні татусі та батьки новонароджених.",
            "Підготовку до пологів зазвичай оплачує медична страховка. Деякі курси платні; за запитом вартість можна зменшити.",
        ),
    ),
)

NORDSTADTLIGA = Template(
    key="nordstadtliga",
    kind="gruppe",
    topics=("soziale-kontakte", "gesundheit/ernaehrung-bewegung"),
    ages=(6, 14),
    texts=texts(
        de=(
            "Nordstadtliga",
            "Eine Fußballliga für Kinder aus der Dortmunder Nordstadt. Trainiert wird jede Woche, einmal im Monat ist Spieltag. Gespielt wird in gemischten Teams, und Fairplay zählt so viel wie Tore. Eltern sind an den Spieltagen willkommen und lernen andere Familien aus dem Viertel kennen.",
            "Kinder von 6 bis 14 Jahren aus der Nordstadt.",
        ),
        en=(
            "Nordstadtliga – football league for children in the Nordstadt",
            "A football league for children from Dortmund's Nordstadt. There is training every week and a match day once a month. Teams are mixed, and fair play counts as much as goals. Parents are welcome on match days and get to know other families from the neighbourhood.",
            "Children aged 6 to 14 from the Nordstadt.",
        ),
        ar=(
            "Nordstadtliga – دوري كرة قدم للأطفال في Nordstadt",
            "دوري كرة قدم لأطفال حي Nordstadt في دورتموند. هناك تدريب كل أسبوع ويوم مباريات مرة في الشهر. يلعب الأطفال في فرق مختلطة، واللعب النظيف مهم بقدر الأهداف. الأهل مرحَّب بهم في أيام المباريات ويتعرفون على عائلات أخرى من الحي.",
            "الأطفال من 6 إلى 14 عامًا من حي Nordstadt.",
        ),
        tr=(
            "Nordstadtliga – Nordstadt'ta çocuklar için futbol ligi",
            "Dortmund Nordstadt'taki çocuklar için bir futbol ligi. Her hafta antrenman, ayda bir maç günü var. Karma takımlarla oynanır ve fair play goller kadar önemlidir. Anne babalar maç günlerine davetlidir ve mahalleden başka ailelerle tanışırlar.",
            "Nordstadt'ta yaşayan 6-14 yaş arası çocuklar.",
        ),
        uk=(
            "Nordstadtliga – футбольна ліга для дітей Nordstadt",
            "Футбольна ліга для дітей із дортмундського району Nordstadt. Тренування щотижня, а раз на місяць – ігровий день. Грають у змішаних командах, і чесна гра важить стільки ж, скільки голи. Батьків запрошують на ігрові дні, де вони знайомляться з іншими сім'ями з кварталу.",
            "Діти від 6 до 14 років із Nordstadt.",
        ),
    ),
)

KINDER_UND_JUGENDTELEFON = Template(
    key="kinder-und-jugendtelefon",
    kind="beratung",
    topics=("gesundheit/psychische-krise", "soziale-kontakte/isolation"),
    ages=(6, 18),
    texts=texts(
        de=(
            "Kinder- und Jugendtelefon",
            "Kinder und Jugendliche können hier anonym und kostenlos anrufen, wenn sie Sorgen haben – mit der Familie, in der Schule, mit Freundinnen und Freunden oder mit sich selbst. Am Telefon hören geschulte Beraterinnen und Berater zu. Eltern erreichen unter einer eigenen Nummer das Elterntelefon.",
            "Kinder und Jugendliche; Eltern über das Elterntelefon.",
        ),
        en=(
            "Kinder- und Jugendtelefon – helpline for children and teenagers",
            "Children and teenagers can call here anonymously and free of charge when something is bothering them – at home, at school, with friends or with themselves. Trained advisers listen on the phone. Parents can reach the parents' helpline on a separate number.",
            "Children and teenagers; parents via the parents' helpline.",
        ),
        ar=(
            "Kinder- und Jugendtelefon – خط هاتفي للأطفال والمراهقين",
            "يمكن للأطفال والمراهقين الاتصال هنا دون ذكر أسمائهم ومجانًا عندما يكون لديهم ما يقلقهم – في العائلة أو المدرسة أو مع الأصدقاء أو مع أنفسهم. يستمع إليهم على الهاتف مستشارون مدرَّبون. ويمكن للأهل الوصول إلى خط الأهل على رقم خاص.",
            "الأطفال والمراهقون؛ والأهل عبر خط الأهل.",
        ),
        tr=(
            "Kinder- und Jugendtelefon – çocuk ve gençler için danışma hattı",
            "Çocuklar ve gençler bir derdi olduğunda – ailede, okulda, arkadaşlarıyla ya da kendileriyle ilgili – buradan isimlerini vermeden ve ücretsiz arayabilir. Telefonda eğitimli danışmanlar onları dinler. Anne babalar ayrı bir numaradan ebeveyn hattına ulaşabilir.",
            "Çocuklar ve gençler; anne babalar ebeveyn hattı üzerinden.",
        ),
        uk=(
            "Kinder- und Jugendtelefon – телефон довіри для дітей і підлітків",
            "Діти й підлітки можуть телефонувати сюди анонімно й безкоштовно, коли їх щось турбує – у родині, у школі, з друзями чи з самими собою. На телефоні їх вислуховують підготовлені консультанти. Батьки можуть зателефонувати на окремий номер – телефон для батьків.",
            "Діти та підлітки; батьки – через телефон для батьків.",
        ),
    ),
)

ELTERNBILDUNG = Template(
    key="elternbildungsangebote",
    kind="kurs",
    topics=("kindliche-entwicklung/erziehungsfragen", "inklusion/sprachfoerderung"),
    ages=(0, 10),
    free=False,
    texts=texts(
        de=(
            "Elternbildungsangebote",
            "Elternabende, Gesprächsrunden und Kurse zu Fragen, die viele Eltern beschäftigen: Grenzen setzen, Schlafen, Medien, Geschwisterstreit, Sprache und der Übergang in Kita und Schule. Die Angebote finden in Kitas, Familienzentren und Schulen in ganz Dortmund statt.",
            "Eltern von Kindern bis zehn Jahre.",
            "Die meisten Angebote sind kostenlos; für einige Kurse gibt es einen kleinen Beitrag, der ermäßigt werden kann.",
        ),
        en=(
            "Elternbildungsangebote – courses and talks for parents",
            "Parents' evenings, discussion groups and courses on questions many parents have: setting limits, sleep, screens and media, sibling rivalry, language and the move into Kita and school. They take place in Kitas, family centres and schools all over Dortmund.",
            "Parents of children up to ten.",
            "Most are free; some courses have a small fee, which can be reduced.",
        ),
        ar=(
            "Elternbildungsangebote – دورات ولقاءات للأهل",
            "أمسيات للأهل وحلقات نقاش ودورات حول أسئلة تشغل كثيرًا من الأهل: وضع الحدود، والنوم، والوسائط الرقمية، وخلافات الإخوة، واللغة، والانتقال إلى الروضة والمدرسة. تُقام في رياض الأطفال ومراكز العائلة والمدارس في جميع أنحاء دورتموند.",
            "أهالي الأطفال حتى سن العاشرة.",
            "معظم العروض مجانية؛ لبعض الدورات رسم بسيط يمكن تخفيضه.",
        ),
        tr=(
            "Elternbildungsangebote – anne babalar için kurslar ve söyleşiler",
            "Birçok anne babanın aklındaki sorular üzerine veli akşamları, sohbet grupları ve kurslar: sınır koymak, uyku, medya, kardeş kavgaları, dil ve Kita'ya ve okula geçiş. Dortmund'un her yerindeki Kita'larda, aile merkezlerinde ve okullarda yapılır.",
            "On yaşına kadar çocuğu olan anne babalar.",
            "Çoğu ücretsizdir; bazı kurslar için indirim yapılabilen küçük bir ücret alınır.",
        ),
        uk=(
            "Elternbildungsangebote – курси та зустрічі для батьків",
            "Батьківські вечори, групи для обговорення та курси на теми, що хвилюють багатьох батьків: як ставити межі, сон, медіа, сварки між братами й сестрами, мова та перехід до дитсадка й школи. Заходи проходять у дитсадках, сімейних центрах і школах по всьому Дортмунду.",
            "Батьки дітей до десяти років.",
            "Більшість пропозицій безкоштовні; за деякі курси є невеликий внесок, який можна зменшити.",
        ),
    ),
)

FAMILIENBILDUNG = Template(
    key="familienbildungsangebote",
    kind="kurs",
    topics=("soziale-kontakte/eltern-kind-gruppen", "gesundheit/ernaehrung-bewegung"),
    ages=(0, 10),
    free=False,
    texts=texts(
        de=(
            "Familienbildungsangebote",
            "Kurse für die ganze Familie: gemeinsam kochen, sich bewegen, basteln, singen oder Ausflüge machen. Eltern und Kinder haben Zeit füreinander und lernen andere Familien kennen.",
            "Familien mit Kindern bis zehn Jahre.",
            "Kursgebühr je nach Angebot; mit dem Dortmund-Pass ermäßigt, auf Nachfrage auch kostenlos.",
        ),
        en=(
            "Familienbildungsangebote – courses for the whole family",
            "Courses for the whole family: cooking, moving, crafts, singing or going on trips together. Parents and children have time for each other and meet other families.",
            "Families with children up to ten.",
            "Fees depend on the course; reduced with the Dortmund-Pass, and free on request.",
        ),
        ar=(
            "Familienbildungsangebote – دورات للعائلة كلها",
            "دورات للعائلة كلها: الطبخ معًا، والحركة، والأشغال اليدوية، والغناء، والرحلات. يجد الأهل والأطفال وقتًا لبعضهم ويتعرفون على عائلات أخرى.",
            "العائلات التي لديها أطفال حتى سن العاشرة.",
            "الرسوم حسب الدورة؛ مخفّضة مع بطاقة Dortmund-Pass، ومجانية عند الطلب.",
        ),
        tr=(
            "Familienbildungsangebote – tüm aile için kurslar",
            "Tüm aile için kurslar: birlikte yemek yapmak, hareket etmek, el işi, şarkı söylemek ya da geziye çıkmak. Anne babalar ve çocuklar birbirlerine zaman ayırır ve başka ailelerle tanışır.",
            "On yaşına kadar çocuğu olan aileler.",
            "Ücret kursa göre değişir; Dortmund-Pass ile indirimli, istek üzerine ücretsiz.",
        ),
        uk=(
            "Familienbildungsangebote – курси для всієї родини",
            "Курси для всієї родини: разом готувати, рухатися, майструвати, співати чи їздити на екскурсії. Батьки й діти мають час одне для одного та знайомляться з іншими сім'ями.",
            "Сім'ї з дітьми до десяти років.",
            "Вартість залежить від курсу; з Dortmund-Pass – зі знижкою, за запитом – безкоштовно.",
        ),
    ),
)

SCHUTZ_IN_DER_BURG = Template(
    key="schutz-in-der-burg",
    kind="gruppe",
    topics=("kindliche-entwicklung/erziehungsfragen", "kindliche-entwicklung/entwicklung"),
    ages=(3, 10),
    texts=texts(
        de=(
            "Schutz in der Burg",
            "Ein Angebot zur Vorbeugung im Kinderschutz: In kleinen Gruppen lernen Kinder spielerisch, ihre Gefühle ernst zu nehmen, Nein zu sagen und sich Hilfe zu holen. Für Eltern gibt es einen Informationsabend, wie sie ihr Kind dabei stärken können.",
            "Kinder von 3 bis 10 Jahren und ihre Eltern.",
        ),
        en=(
            "Schutz in der Burg – helping children protect themselves",
            "A prevention programme for child protection: in small groups, children learn through play to take their feelings seriously, to say no and to ask for help. Parents are invited to an information evening on how to support their child.",
            "Children aged 3 to 10 and their parents.",
        ),
        ar=(
            "Schutz in der Burg – مساعدة الأطفال على حماية أنفسهم",
            "برنامج وقائي لحماية الأطفال: في مجموعات صغيرة يتعلم الأطفال من خلال اللعب أن يأخذوا مشاعرهم على محمل الجد، وأن يقولوا لا، وأن يطلبوا المساعدة. وتُقام للأهل أمسية إعلامية حول كيفية دعم طفلهم في ذلك.",
            "الأطفال من 3 إلى 10 أعوام وأهاليهم.",
        ),
        tr=(
            "Schutz in der Burg – çocukların kendilerini korumayı öğrenmesi",
            "Çocuk koruma alanında önleyici bir program: Küçük gruplarda çocuklar oyun yoluyla duygularını ciddiye almayı, hayır demeyi ve yardım istemeyi öğrenir. Anne babalar için, çocuklarını bu konuda nasıl destekleyebileceklerini anlatan bir bilgilendirme akşamı düzenlenir.",
            "3-10 yaş arası çocuklar ve anne babaları.",
        ),
        uk=(
            "Schutz in der Burg – вчимо дітей захищати себе",
            "Профілактична програма із захисту дітей: у невеликих групах діти в ігровій формі вчаться серйозно ставитися до своїх почуттів, казати «ні» та звертатися по допомогу. Для батьків проводять інформаційний вечір про те, як підтримати в цьому свою дитину.",
            "Діти від 3 до 10 років та їхні батьки.",
        ),
    ),
)

FIT_FUERS_BABY = Template(
    key="fit-fuers-baby",
    kind="kurs",
    topics=("gesundheit/gesundheitsinformation", "gesundheit/ernaehrung-bewegung"),
    ages=(0, 1),
    texts=texts(
        de=(
            "Fit für's Baby",
            "Ein kostenloser Kurs für Schwangere und junge Eltern: Was braucht ein Baby wirklich? Wie klappt es mit Stillen oder Fläschchen, mit dem Schlafen und der Babypflege? Wie wird die Wohnung sicher? Die Treffen sind praktisch und finden in kleiner Runde statt.",
            "Schwangere und Eltern von Babys bis zu einem Jahr.",
        ),
        en=(
            "Fit für's Baby – getting ready for your baby",
            "A free course for pregnant women and new parents: What does a baby really need? How do breastfeeding or bottle-feeding, sleep and baby care work? How do you make your home safe? The sessions are practical and held in small groups.",
            "Pregnant women and parents of babies up to one year.",
        ),
        ar=(
            "Fit für's Baby – الاستعداد لقدوم الطفل",
            "دورة مجانية للحوامل والأهل الجدد: ماذا يحتاج الرضيع فعلًا؟ كيف تسير الرضاعة الطبيعية أو بالزجاجة، والنوم، والعناية بالطفل؟ كيف تجعلون البيت آمنًا؟ اللقاءات عملية وتُعقد في مجموعات صغيرة.",
            "الحوامل وأهالي الرضّع حتى عمر سنة.",
        ),
        tr=(
            "Fit für's Baby – bebeğe hazırlık",
            "Hamileler ve yeni anne babalar için ücretsiz bir kurs: Bir bebeğin gerçekten nelere ihtiyacı vardır? Emzirme ya da biberon, uyku ve bebek bakımı nasıl olur? Ev nasıl güvenli hale getirilir? Buluşmalar uygulamalıdır ve küçük gruplarla yapılır.",
            "Hamileler ve bir yaşına kadar bebeği olan anne babalar.",
        ),
        uk=(
            "Fit für's Baby – готуємося до появи малюка",
            "Безкоштовний курс для вагітних і молодих батьків: що справді потрібно немовляті? Як налагодити грудне вигодовування чи годування з пляшечки, сон і догляд за малюком? Як зробити житло безпечним? Зустрічі практичні й проходять у невеликих групах.",
            "Вагітні та батьки немовлят до одного року.",
        ),
    ),
)

# In the order of the city's list.
TEMPLATES = (
    START_MIT_STOLPERN,
    STARTHILFE,
    MELDEPFLICHT_U,
    SCHULSPRECHSTUNDE,
    FAMILIENBUERO_MODUL,
    AUFSUCHENDE_ELTERNBERATUNG,
    BERATUNGSSTELLEN,
    HILFE_BEVOR_ES_BRENNT,
    KINDER_ALKOHOLKRANKER_ELTERN,
    BUERO_FUER_KINDERINTERESSEN,
    FAMILIEN_STAERKEN,
    ELTERNSCHULE,
    NORDSTADTLIGA,
    KINDER_UND_JUGENDTELEFON,
    ELTERNBILDUNG,
    FAMILIENBILDUNG,
    SCHUTZ_IN_DER_BURG,
    FIT_FUERS_BABY,
)

MODULE_NAMES = tuple(template.texts["de"].name for template in TEMPLATES)
