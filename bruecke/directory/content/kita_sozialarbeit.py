"""Kita-Sozialarbeit itself, in Dortmund and in Bochum."""

from __future__ import annotations

from .base import Template, Text

ALL_TOPICS = (
    "kinderbetreuung",
    "soziale-kontakte",
    "inklusion",
    "gesundheit",
    "wirtschaftliche-lage",
    "kindliche-entwicklung",
)

KITA_SOZIALARBEIT_DORTMUND = Template(
    key="kita-sozialarbeit-dortmund",
    kind="beratung",
    topics=ALL_TOPICS,
    ages=(0, 6),
    org_kind="amt",
    municipal=True,
    interpretation="Bei Bedarf wird kostenlos eine Dolmetscherin oder ein Dolmetscher hinzugezogen.",
    texts={
        "de": Text(
            name="Kita-Sozialarbeit Dortmund",
            description=(
                "Die Kita-Sozialarbeit des Jugendamts hilft Familien mit Kindern bis zum "
                "Schulbeginn, wenn der Alltag schwer wird: bei Fragen zur Erziehung, bei "
                "Geldsorgen, Anträgen und Behörden, bei Sorgen um die Gesundheit oder Entwicklung "
                "Ihres Kindes und bei der Suche nach Betreuung. Die Fachkräfte kommen auch zu "
                "Ihnen nach Hause und begleiten Sie bei Bedarf zu Ämtern. Die Beratung ist "
                "kostenlos, freiwillig und vertraulich: Ohne Ihr Einverständnis erfährt niemand "
                "etwas davon. Ihr Kind muss dafür keine Kita besuchen."
            ),
            eligibility=(
                "Familien mit Kindern von der Geburt bis zum Schuleintritt in den Stadtbezirken "
                "Brackel, Eving, Hörde, Innenstadt-Nord, Innenstadt-Ost, Innenstadt-West, "
                "Lütgendortmund und Scharnhorst."
            ),
            application=(
                "Kommen Sie in die Sprechstunde (montags und donnerstags 8:30–10:30 Uhr, "
                "Jägerstraße 5), rufen Sie an oder schreiben Sie eine E-Mail. Ein Treffen bei "
                "Ihnen zu Hause oder in Ihrer Kita können wir gemeinsam vereinbaren. Auch Ihre "
                "Kita, Ihr Familienbüro oder eine Beratungsstelle kann den Kontakt herstellen."
            ),
        ),
        "en": Text(
            name="Kita-Sozialarbeit Dortmund – social work for families with young children",
            description=(
                "The youth welfare office's Kita social workers help families with children up "
                "to school age when everyday life gets hard: questions about bringing up "
                "children, money worries, forms and dealings with public offices, concerns about "
                "your child's health or development, or finding childcare. They can visit you at "
                "home and go with you to public offices. The service is free, voluntary and "
                "confidential: nobody is told anything without your consent. Your child does not "
                "need to attend a Kita."
            ),
            eligibility=(
                "Families with children from birth until they start school, living in Brackel, "
                "Eving, Hörde, Innenstadt-Nord, Innenstadt-Ost, Innenstadt-West, Lütgendortmund "
                "or Scharnhorst."
            ),
            application=(
                "Come to the office hours (Mondays and Thursdays 8:30–10:30, Jägerstraße 5), "
                "call or send an e-mail. We can also arrange to meet at your home or at your "
                "Kita. Your Kita, family office or a counselling centre can put you in touch, too."
            ),
        ),
        "ar": Text(
            name="العمل الاجتماعي في رياض الأطفال (Kita-Sozialarbeit) في دورتموند",
            description=(
                "يساعد الأخصائيون الاجتماعيون التابعون لمكتب رعاية الشباب العائلاتِ التي لديها "
                "أطفال حتى سن المدرسة عندما تصبح الحياة اليومية صعبة: في أسئلة التربية، وهموم "
                "المال، والطلبات والتعامل مع الدوائر الرسمية، والقلق على صحة طفلكم أو نموه، "
                "والبحث عن مكان لرعاية الطفل. يمكنهم زيارتكم في البيت ومرافقتكم إلى الدوائر "
                "الرسمية. الخدمة مجانية وطوعية وسرية: لا يُبلَّغ أحد بشيء دون موافقتكم. ولا يُشترط "
                "أن يذهب طفلكم إلى روضة."
            ),
            eligibility=(
                "العائلات التي لديها أطفال منذ الولادة حتى دخول المدرسة وتسكن في أحياء Brackel "
                "وEving وHörde وInnenstadt-Nord وInnenstadt-Ost وInnenstadt-West وLütgendortmund "
                "وScharnhorst."
            ),
            application=(
                "تعالوا إلى ساعات الاستقبال (الاثنين والخميس من 8:30 حتى 10:30، Jägerstraße 5)، "
                "أو اتصلوا بنا أو أرسلوا بريدًا إلكترونيًا. يمكننا أيضًا الاتفاق على لقاء في بيتكم "
                "أو في روضة طفلكم. ويمكن للروضة أو لمكتب العائلة أو لمركز استشارة أن يصلكم بنا."
            ),
        ),
        "tr": Text(
            name="Kita Sosyal Hizmeti Dortmund (Kita-Sozialarbeit)",
            description=(
                "Gençlik Dairesi'nin Kita sosyal hizmet uzmanları, okul çağına kadar çocuğu olan "
                "ailelere günlük hayat zorlaştığında yardım eder: çocuk yetiştirme soruları, para "
                "sıkıntısı, başvurular ve resmi dairelerle işler, çocuğunuzun sağlığı veya "
                "gelişimiyle ilgili endişeler ya da bakım yeri arayışı. Sizi evinizde ziyaret "
                "edebilir ve resmi dairelere sizinle birlikte gidebilirler. Hizmet ücretsiz, "
                "gönüllü ve gizlidir: izniniz olmadan kimseye bilgi verilmez. Çocuğunuzun "
                "Kita'ya gitmesi gerekmez."
            ),
            eligibility=(
                "Brackel, Eving, Hörde, Innenstadt-Nord, Innenstadt-Ost, Innenstadt-West, "
                "Lütgendortmund ve Scharnhorst semtlerinde oturan, doğumdan okula başlayana kadar "
                "çocuğu olan aileler."
            ),
            application=(
                "Danışma saatlerine gelin (pazartesi ve perşembe 8:30–10:30, Jägerstraße 5), "
                "arayın ya da e-posta yazın. Evinizde veya Kita'nızda görüşmek için de randevu "
                "alabiliriz. Kita'nız, aile büronuz ya da bir danışma merkezi de sizi bizimle "
                "buluşturabilir."
            ),
        ),
        "uk": Text(
            name="Соціальна робота в дитсадках (Kita-Sozialarbeit) Дортмунд",
            description=(
                "Соціальні працівники відомства у справах молоді допомагають сім'ям із дітьми до "
                "шкільного віку, коли в повсякденному житті стає важко: у питаннях виховання, "
                "коли бракує грошей, із заявами та зверненнями до установ, якщо ви хвилюєтеся "
                "про здоров'я чи розвиток дитини або шукаєте місце в дитсадку. Вони можуть "
                "прийти до вас додому й супроводити вас до установ. Допомога безкоштовна, "
                "добровільна й конфіденційна: без вашої згоди ніхто нічого не дізнається. "
                "Дитині не обов'язково ходити до дитсадка."
            ),
            eligibility=(
                "Сім'ї з дітьми від народження до вступу до школи, які живуть у районах Brackel, "
                "Eving, Hörde, Innenstadt-Nord, Innenstadt-Ost, Innenstadt-West, Lütgendortmund "
                "або Scharnhorst."
            ),
            application=(
                "Приходьте на години прийому (понеділок і четвер 8:30–10:30, Jägerstraße 5), "
                "телефонуйте або напишіть електронного листа. Ми можемо також домовитися про "
                "зустріч у вас удома чи у вашому дитсадку. Зв'язатися з нами допоможуть і ваш "
                "дитсадок, сімейне бюро чи консультаційний центр."
            ),
        ),
        "ro": Text(
            name="Asistență socială în grădinițe (Kita-Sozialarbeit) Dortmund",
            description=(
                "Asistenții sociali ai Oficiului pentru Tineret ajută familiile cu copii până la "
                "vârsta școlară atunci când viața de zi cu zi devine grea: întrebări despre "
                "educație, griji legate de bani, cereri și relația cu autoritățile, îngrijorări "
                "privind sănătatea sau dezvoltarea copilului, căutarea unui loc de îngrijire. "
                "Vă pot vizita acasă și vă pot însoți la autorități. Serviciul este gratuit, "
                "voluntar și confidențial: nimeni nu află nimic fără acordul dumneavoastră. "
                "Copilul nu trebuie să meargă la grădiniță."
            ),
            eligibility=(
                "Familii cu copii de la naștere până la începerea școlii din cartierele Brackel, "
                "Eving, Hörde, Innenstadt-Nord, Innenstadt-Ost, Innenstadt-West, Lütgendortmund "
                "și Scharnhorst."
            ),
            application=(
                "Veniți la program (luni și joi 8:30–10:30, Jägerstraße 5), sunați sau scrieți "
                "un e-mail. Ne putem întâlni și la dumneavoastră acasă sau la grădiniță."
            ),
        ),
        "bg": Text(
            name="Социална работа в детските градини (Kita-Sozialarbeit) Дортмунд",
            description=(
                "Социалните работници към службата за младежта помагат на семейства с деца до "
                "училищна възраст, когато ежедневието стане трудно: въпроси за възпитанието, "
                "парични грижи, заявления и контакт с институции, притеснения за здравето или "
                "развитието на детето, търсене на място за грижа. Могат да ви посетят у дома и "
                "да ви придружат до институциите. Услугата е безплатна, доброволна и "
                "поверителна: никой не научава нищо без вашето съгласие. Не е нужно детето да "
                "ходи на детска градина."
            ),
            eligibility=(
                "Семейства с деца от раждането до тръгване на училище в кварталите Brackel, "
                "Eving, Hörde, Innenstadt-Nord, Innenstadt-Ost, Innenstadt-West, Lütgendortmund "
                "и Scharnhorst."
            ),
            application=(
                "Елате в приемното време (понеделник и четвъртък 8:30–10:30, Jägerstraße 5), "
                "обадете се или пишете имейл. Можем да се срещнем и у вас или в детската градина."
            ),
        ),
        "pl": Text(
            name="Praca socjalna w przedszkolach (Kita-Sozialarbeit) Dortmund",
            description=(
                "Pracownicy socjalni Urzędu ds. Młodzieży pomagają rodzinom z dziećmi do wieku "
                "szkolnego, gdy codzienność staje się trudna: w sprawach wychowania, kłopotów "
                "finansowych, wniosków i kontaktów z urzędami, obaw o zdrowie lub rozwój dziecka "
                "oraz szukania opieki. Mogą odwiedzić Państwa w domu i towarzyszyć w wizytach w "
                "urzędach. Pomoc jest bezpłatna, dobrowolna i poufna: bez Państwa zgody nikt "
                "niczego się nie dowie. Dziecko nie musi chodzić do przedszkola."
            ),
            eligibility=(
                "Rodziny z dziećmi od urodzenia do rozpoczęcia szkoły w dzielnicach Brackel, "
                "Eving, Hörde, Innenstadt-Nord, Innenstadt-Ost, Innenstadt-West, Lütgendortmund "
                "i Scharnhorst."
            ),
            application=(
                "Prosimy przyjść w godzinach przyjęć (poniedziałek i czwartek 8:30–10:30, "
                "Jägerstraße 5), zadzwonić lub napisać e-mail. Możemy też spotkać się u Państwa "
                "w domu lub w przedszkolu."
            ),
        ),
    },
)

KITA_SOZIALARBEIT_BOCHUM = Template(
    key="kita-sozialarbeit-bochum",
    kind="beratung",
    topics=ALL_TOPICS,
    ages=(0, 6),
    org_kind="amt",
    municipal=True,
    interpretation="Dolmetscherinnen und Dolmetscher werden bei Bedarf vermittelt.",
    texts={
        "de": Text(
            name="Kita-Sozialarbeit Bochum",
            description=(
                "Das Team der Kita-Sozialarbeit im Jugendamt Bochum ist für Familien mit kleinen "
                "Kindern da: bei Geldsorgen, schwierigen Anträgen und Behördengängen, Fragen zur "
                "Erziehung, Sorgen um die Gesundheit Ihres Kindes oder wenn Sie selbst in einer "
                "seelischen Krise stecken. Wer neu in Deutschland ist, bekommt Hilfe beim "
                "Ankommen; bei Bedarf wird eine Dolmetscherin oder ein Dolmetscher dazugeholt. "
                "Die Fachkräfte begleiten Sie auch zur Kinderarztpraxis oder zum Amt. Ein Antrag "
                "ist nicht nötig. Die Hilfe ist freiwillig, kostenlos und vertraulich."
            ),
            eligibility=(
                "Familien in Bochum mit Kindern von der Geburt bis zum Schuleintritt – auch wenn "
                "das Kind keine Kita besucht."
            ),
            application=(
                "Kommen Sie ohne Termin in die offene Sprechstunde im Jugendamt oder rufen Sie "
                "an. Sie können Ihren Wunsch nach Beratung auch in Ihrer Kita sagen; die Kita "
                "gibt ihn an die Kita-Sozialarbeit weiter."
            ),
        ),
        "en": Text(
            name="Kita-Sozialarbeit Bochum – social work for families with young children",
            description=(
                "The Kita social work team at Bochum's youth welfare office is there for families "
                "with young children: money worries, difficult forms and visits to public "
                "offices, questions about bringing up children, concerns about your child's "
                "health, or if you are going through an emotional crisis yourself. If you are "
                "new to Germany, you get help settling in; an interpreter is brought in if "
                "needed. The team can also go with you to the paediatrician or to a public "
                "office. You do not have to apply. The help is voluntary, free and confidential."
            ),
            eligibility=(
                "Families in Bochum with children from birth until they start school – even if "
                "the child does not attend a Kita."
            ),
            application=(
                "Come to the open office hours at the youth welfare office without an "
                "appointment, or call. You can also tell your Kita that you would like advice; "
                "the Kita will pass it on to the team."
            ),
        ),
        "ar": Text(
            name="العمل الاجتماعي في رياض الأطفال (Kita-Sozialarbeit) في بوخوم",
            description=(
                "فريق العمل الاجتماعي في رياض الأطفال التابع لمكتب رعاية الشباب في بوخوم موجود من "
                "أجل العائلات التي لديها أطفال صغار: عند هموم المال، والطلبات الصعبة والمراجعات في "
                "الدوائر الرسمية، وأسئلة التربية، والقلق على صحة طفلكم، أو إذا كنتم تمرّون أنتم "
                "بأزمة نفسية. من وصل حديثًا إلى ألمانيا يحصل على مساعدة في الاستقرار، ويُستعان "
                "بمترجم عند الحاجة. ويمكن للفريق أيضًا مرافقتكم إلى طبيب الأطفال أو إلى الدائرة "
                "الرسمية. لا حاجة إلى تقديم طلب. المساعدة طوعية ومجانية وسرية."
            ),
            eligibility=(
                "العائلات في بوخوم التي لديها أطفال منذ الولادة حتى دخول المدرسة، حتى لو لم يكن "
                "الطفل يذهب إلى روضة."
            ),
            application=(
                "تعالوا دون موعد إلى ساعات الاستقبال المفتوحة في مكتب رعاية الشباب أو اتصلوا بنا. "
                "ويمكنكم أيضًا إخبار روضة طفلكم برغبتكم في الاستشارة، وستنقلها الروضة إلى الفريق."
            ),
        ),
        "tr": Text(
            name="Kita Sosyal Hizmeti Bochum (Kita-Sozialarbeit)",
            description=(
                "Bochum Gençlik Dairesi'ndeki Kita sosyal hizmet ekibi küçük çocuklu aileler için "
                "var: para sıkıntısı, zor başvurular ve resmi daire işleri, çocuk yetiştirme "
                "soruları, çocuğunuzun sağlığıyla ilgili endişeler ya da kendiniz ruhsal bir kriz "
                "yaşıyorsanız. Almanya'ya yeni gelenler uyum sürecinde destek alır; gerekirse bir "
                "tercüman çağrılır. Ekip sizinle çocuk doktoruna veya resmi daireye de gidebilir. "
                "Başvuru yapmanız gerekmez. Yardım gönüllü, ücretsiz ve gizlidir."
            ),
            eligibility=(
                "Bochum'da doğumdan okula başlayana kadar çocuğu olan aileler – çocuk Kita'ya "
                "gitmese bile."
            ),
            application=(
                "Gençlik Dairesi'ndeki açık danışma saatine randevusuz gelin ya da arayın. "
                "Danışmanlık istediğinizi Kita'nıza da söyleyebilirsiniz; Kita bunu ekibe iletir."
            ),
        ),
        "uk": Text(
            name="Соціальна робота в дитсадках (Kita-Sozialarbeit) Бохум",
            description=(
                "Команда соціальної роботи в дитсадках при відомстві у справах молоді Бохума "
                "підтримує сім'ї з маленькими дітьми: коли бракує грошей, коли треба заповнити "
                "складні заяви чи піти до установи, коли є питання щодо виховання, коли ви "
                "хвилюєтеся про здоров'я дитини або самі переживаєте душевну кризу. Ті, хто "
                "нещодавно приїхав до Німеччини, отримують допомогу в облаштуванні; за потреби "
                "запрошують перекладача. Фахівці можуть також супроводити вас до педіатра чи до "
                "установи. Заява не потрібна. Допомога добровільна, безкоштовна й конфіденційна."
            ),
            eligibility=(
                "Сім'ї в Бохумі з дітьми від народження до вступу до школи — навіть якщо дитина "
                "не ходить до дитсадка."
            ),
            application=(
                "Приходьте без запису на відкриті години прийому у відомстві у справах молоді "
                "або телефонуйте. Ви також можете сказати у своєму дитсадку, що хочете отримати "
                "консультацію, — дитсадок передасть це команді."
            ),
        ),
        "ro": Text(
            name="Asistență socială în grădinițe (Kita-Sozialarbeit) Bochum",
            description=(
                "Echipa de asistență socială din grădinițe a Oficiului pentru Tineret Bochum "
                "sprijină familiile cu copii mici: la griji legate de bani, cereri dificile și "
                "drumuri la autorități, întrebări despre educație, îngrijorări privind sănătatea "
                "copilului sau într-o criză sufletească. Cine este nou în Germania primește ajutor "
                "ca să se descurce; la nevoie se apelează la un interpret. Nu este nevoie de "
                "nicio cerere. Ajutorul este voluntar, gratuit și confidențial."
            ),
            eligibility=(
                "Familii din Bochum cu copii de la naștere până la începerea școlii, chiar dacă "
                "copilul nu merge la grădiniță."
            ),
            application=(
                "Veniți fără programare la orele de consultanță deschisă de la Oficiul pentru "
                "Tineret sau sunați."
            ),
        ),
        "bg": Text(
            name="Социална работа в детските градини (Kita-Sozialarbeit) Бохум",
            description=(
                "Екипът за социална работа в детските градини към службата за младежта в Бохум "
                "подкрепя семейства с малки деца: при парични грижи, трудни заявления и ходене по "
                "институции, въпроси за възпитанието, притеснения за здравето на детето или при "
                "душевна криза. Който е нов в Германия, получава помощ да се ориентира; при нужда "
                "се осигурява преводач. Не е нужно заявление. Помощта е доброволна, безплатна и "
                "поверителна."
            ),
            eligibility=(
                "Семейства в Бохум с деца от раждането до тръгване на училище, дори ако детето "
                "не ходи на детска градина."
            ),
            application=(
                "Елате без предварително записване в отвореното приемно време в службата за "
                "младежта или се обадете."
            ),
        ),
        "pl": Text(
            name="Praca socjalna w przedszkolach (Kita-Sozialarbeit) Bochum",
            description=(
                "Zespół pracy socjalnej w przedszkolach przy Urzędzie ds. Młodzieży w Bochum "
                "wspiera rodziny z małymi dziećmi: przy kłopotach finansowych, trudnych wnioskach "
                "i sprawach urzędowych, pytaniach o wychowanie, obawach o zdrowie dziecka lub w "
                "kryzysie psychicznym. Osoby nowe w Niemczech otrzymują pomoc w odnalezieniu się; "
                "w razie potrzeby zapewniany jest tłumacz. Nie trzeba składać wniosku. Pomoc jest "
                "dobrowolna, bezpłatna i poufna."
            ),
            eligibility=(
                "Rodziny w Bochum z dziećmi od urodzenia do rozpoczęcia szkoły, także jeśli "
                "dziecko nie chodzi do przedszkola."
            ),
            application=(
                "Prosimy przyjść bez umawiania się na otwarte godziny przyjęć w Urzędzie ds. "
                "Młodzieży lub zadzwonić."
            ),
        ),
    },
)

TEMPLATES = (KITA_SOZIALARBEIT_DORTMUND, KITA_SOZIALARBEIT_BOCHUM)
