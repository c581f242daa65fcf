# Y dogfennau y mae Waymark yn eu cadw pan fydd person yn gofyn: beth maen nhw'n ei ddweud a'u henwau.

## Y cod adfer, wedi'i gadw fel ffeil destun
recovery-document-name = Nodyn Waymark
recovery-document =
    Cod adfer Waymark ar gyfer { $name }

    { $code }

    Os byddwch chi'n anghofio eich cyfrinymadrodd, mae'r cod hwn yn agor eich proffil.
    Cadwch e'n rhywle diogel, i ffwrdd o'r gliniadur hwn. Gall unrhyw un sydd â'r cod a'r gliniadur hwn agor eich proffil.

## Y polisi gofal mwy diogel, wedi'i gadw fel tudalen i'w hargraffu neu ei rhannu
policy-document-name = Polisi gofal mwy diogel - { $household }
policy-document-title = Polisi gofal mwy diogel – { $household }
policy-document-heading = Ein polisi gofal mwy diogel
policy-document-reviewed = Adolygwyd gyda'n gilydd ddiwethaf: { $date }
policy-document-next-review = Adolygiad nesaf: { $date }

## Y cofnod dysgu, wedi'i gadw fel taenlen (CSV): enwau ei golofnau
learning-document-name = Cofnod dysgu - { $name }
learning-csv-date = Dyddiad
learning-csv-kind = Math
learning-csv-title = Teitl
learning-csv-hours = Oriau
learning-csv-notes = Nodiadau

## "Lawrlwytho fy holl wybodaeth": y dudalen i'w darllen (mae'r JSON wrth ei hochr ar gyfer Waymark)
export-document-name = Fy holl wybodaeth - { $name }
export-heading = Fy holl wybodaeth
export-intro = Dyma bopeth mae Waymark yn ei gadw ar gyfer { $name }, wedi'i wneud ar { $date }.
export-damaged = { $count ->
    [one] Doedd dim modd agor { $count } cofnod am ei fod wedi'i ddifrodi ar y ddisg, felly dydy e ddim yn cael ei ddangos.
   *[other] Doedd dim modd agor { $count } cofnod am eu bod wedi'u difrodi ar y ddisg, felly dydyn nhw ddim yn cael eu dangos.
}
export-yes = ydy
export-no = nac ydy
export-none = dim
# Pob math o gofnod, gyda faint sydd.
export-kind-statement = Yr hyn ddywedais i ({ $count })
export-kind-plan = Cynlluniau ({ $count })
export-kind-pathway_note = Nodiadau llwybr ({ $count })
export-kind-resource_mark = Nodau tudalen a darllen ({ $count })
export-kind-safer_caring_policy = Polisi gofal mwy diogel ({ $count })
export-kind-learning_entry = Cofnod dysgu ({ $count })
export-kind-consent_event = Caniatâd: beth ddywedais i ie a na iddo ({ $count })
export-kind-share_entry = Beth gafodd ei rannu ({ $count })
# Codau sydd mewn cofnod heb eiriau yn unman arall.
export-value-granted = wedi dweud ie
export-value-withdrawn = wedi dweud na
export-value-pathway_plan = Cynllun llwybr
export-value-care_plan = Cynllun gofal
# Enw pob maes sydd gan gofnod.
export-key-action = Beth ddigwyddodd
export-key-actions = Camau gweithredu
export-key-answers = Atebion
export-key-at = Pryd
export-key-bookmarked = Nod tudalen
export-key-by = Pwy
export-key-choice = Dewis
export-key-created_at = Wedi dechrau
export-key-date = Dyddiad
export-key-due = Erbyn
export-key-effective_from = Yn dechrau ar
export-key-face = Wyneb (1 i 5)
export-key-goal_id = Nod
export-key-goals = Nodau
export-key-history = Beth ddigwyddodd iddo
export-key-household = Aelwyd
export-key-id = ID
export-key-kind = Math
export-key-matter = Rhan o'r cynllun
export-key-minutes = Munudau
export-key-next_review_on = Adolygiad nesaf
export-key-notes = Nodiadau
export-key-owner = Pwy sy'n ei wneud
export-key-plan_id = Cynllun
export-key-progress = Cynnydd (%)
export-key-question_id = Cwestiwn
export-key-question_set = Cwestiynau
export-key-read_at = Wedi'i ddarllen ar
export-key-receipt = Derbynneb
export-key-received_at = Wedi'i dderbyn
export-key-recipient = Wedi'i rannu â
export-key-record_id = Cofnod
export-key-record_kind = Math o gofnod
export-key-record_version = Fersiwn y cofnod
export-key-resource_id = Tudalen
export-key-reviewed_on = Wedi'i adolygu ar
export-key-sections = Adrannau
export-key-sequence = Rhif
export-key-shared = Wedi'i rannu
export-key-shared_at = Wedi'i rannu ar
export-key-status = Statws
export-key-summary = Crynodeb
export-key-text = Testun
export-key-title = Teitl
export-key-topic = Pwnc
export-key-updated_at = Newidiwyd ddiwethaf
export-key-version = Fersiwn
export-key-words = Geiriau
export-key-written_at = Wedi'i ysgrifennu

## Y cofnod achos, wedi'i gadw gan ap y gweithwyr fel PDF ar gyfer system rheoli achosion y cyngor
case-record-document-name = Cofnod achos - { $who }
case-record-title = Cofnod achos: { $who }
case-record-person-id = Person { $id } yn rhestr pobl { $organisation }
case-record-made = Wedi'i wneud ar { $when } gan { $name } ({ $role }), o'r hyn a dderbyniodd y gliniadur hwn.
case-record-times = Mae'r amseroedd yn UTC.
case-record-kind-statement = Neges
case-record-kind-pathway_note = Nodyn llwybr
case-record-kind-safer_caring_policy = Polisi gofal mwy diogel
case-record-kind-learning_entry = Eitem yn y cofnod dysgu
case-record-urgent = Brys: dywedon nhw nad ydyn nhw'n teimlo'n ddiogel
case-record-written = Newidiwyd ddiwethaf ganddyn nhw
case-record-received = Wedi'i dderbyn ar y gliniadur hwn
case-record-read = Wedi'i nodi fel wedi'i ddarllen
case-record-acknowledged = Wedi'i gydnabod
case-record-not-yet = ddim eto
case-record-their-words = Eu geiriau nhw
case-record-face = Wyneb a ddewiswyd: { $face } ({ $value } allan o 5)
case-record-progress = Pa mor bell maen nhw'n teimlo eu bod wedi mynd: { $progress } allan o 100
case-record-learning = { $title }, { $date }, { $minutes } munud
case-record-reply = Ateb gan { $name }, { $when }
case-record-readers = Wedi'i selio ar gyfer
case-record-reader-me = y gliniadur hwn
case-record-reader-other = gliniadur nad yw'n perthyn i weithiwr
case-record-signatures = Cafodd pob eitem yma ei llofnodi gan ddyfais roedd { $organisation } wedi'i chymeradwyo ar gyfer y person hwn yn ei restr lofnodedig o bobl a dyfeisiau, a gwiriodd y gliniadur hwn y llofnod pan gyrhaeddodd yr eitem. Mae unrhyw beth a fethodd y gwiriadau wedi'i adael allan.
case-record-empty = Does dim byd wedi'i dderbyn gan y person hwn.
case-record-role-social_worker = gweithiwr cymdeithasol
case-record-role-iro = Swyddog Adolygu Annibynnol
case-record-role-supervising_social_worker = gweithiwr cymdeithasol goruchwylio
case-record-role-duty = tîm dyletswydd
case-record-person = Person { $id }

# An invite code printed by an administrator in the worker app, to hand to the person it is for
invite-sheet-title = Eich cod gwahodd Waymark
invite-sheet-expires = Mae'r cod hwn yn gweithio unwaith, tan { $when }.
invite-sheet-code-heading = Y cod
invite-sheet-code-label = Teipiwch neu gludwch ef yn union (does dim ots am y bylchau)
invite-sheet-steps-label = Beth i'w wneud
invite-sheet-steps = Agorwch Waymark ac ewch i "Rhannu a phreifatrwydd". Teipiwch neu gludwch y cod hwn o dan "Cod gwahodd" a dewiswch "Gwirio'r cod hwn". Yna bydd eich ap yn dangos ei god byr ei hun: darllenwch ef yn uchel i'ch gweithiwr, er mwyn iddyn nhw wirio mai eich dyfais chi yw hi cyn i ddim byd gael ei rannu.
invite-sheet-keep-safe = Cadwch y daflen hon mewn man preifat nes i chi ddefnyddio'r cod, yna taflwch hi i ffwrdd. Os daw'r cod i ben neu os aiff y daflen ar goll, gofynnwch i'ch gweithiwr am god newydd.
invite-sheet-document-name = Gwahoddiad Waymark - { $who }
# A locked copy of everything: the name says nothing about whose it is or what is inside.
export-sealed-name = Copi Waymark wedi'i gloi
