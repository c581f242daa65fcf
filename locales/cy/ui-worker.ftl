# Ap y gweithwyr: y ffenestr y mae gweithwyr cymdeithasol, Swyddogion Adolygu Annibynnol (IRO), gweithwyr cymdeithasol goruchwylio a'r tîm dyletswydd yn ei defnyddio
worker-app-name = Waymark i Weithwyr
role-worker = Gweithiwr yn y gwasanaeth
moment = { $day } am { $time }
more-items = { $count ->
    [one] Dangos { $count } eitem arall ({ $hidden } yn dal yn gudd)
   *[other] Dangos { $count } o eitemau eraill ({ $hidden } yn dal yn gudd)
}
record-kind-statement = Neges
record-kind-pathway_note = Nodyn llwybr
record-kind-safer_caring_policy = Polisi gofal mwy diogel
record-kind-learning_entry = Eitem yn y cofnod dysgu
record-kind-unknown = Rhywbeth wedi'i rannu

worker-menu-inbox = Mewnflwch
worker-menu-people = Fy mhobl
worker-menu-setup = Y gliniadur hwn
worker-menu-waiting = { $count } yn aros

worker-person-unnamed = Person { $id }
worker-person-unknown = Rhywun anhysbys

worker-setup-heading = Y gliniadur hwn
worker-setup-intro = Mae eich gweinyddwr yn rhoi cod gwahodd i chi sydd wedi'i wneud yn arbennig i chi. Mae'r gliniadur hwn yn gwneud ei allweddi ei hun: dim ond yma mae modd agor yr hyn mae pobl yn ei rannu gyda chi.
worker-setup-code = Eich cod gwahodd
worker-setup-code-hint = Mae'n dechrau gyda "wm1-". Gludwch y cyfan.
worker-setup-check = Gwirio'r cod
worker-setup-check-this = Gwiriwch mai gwasanaeth eich sefydliad chi yw hwn cyn i chi gysylltu.
worker-setup-service = Gwasanaeth
worker-setup-service-fingerprint = Ôl bys y gwasanaeth
worker-setup-organisation = Ôl bys y sefydliad
worker-setup-expires = Y gwahoddiad yn dod i ben
worker-setup-connect = Cysylltu'r gliniadur hwn
worker-setup-different-code = Defnyddio cod gwahanol
worker-setup-you = Chi
worker-setup-you-are = { $name }, { $role }
worker-setup-not-named = Dydy rhestr gweithwyr y sefydliad ddim yn eich enwi chi eto.
worker-setup-connected = Wedi cysylltu
worker-setup-read-code = Darllenwch y cod hwn i'ch gweinyddwr. Byddan nhw'n cymeradwyo'r gliniadur hwn pan fydd yn cyfateb i'r cod maen nhw'n ei weld.
worker-setup-code-why = Does dim byd yn cael ei rannu gyda'r gliniadur hwn nes iddo gael ei gymeradwyo. Dydy'r cod ddim yn gyfrinachol: ôl bys y gliniadur hwn ydyw.
worker-setup-check-again = Gwirio eto
worker-setup-approved = Mae'r gliniadur hwn wedi'i gymeradwyo. Mae'r hyn mae pobl yn ei rannu gyda chi yn dod yma.
worker-setup-revoked = Mae eich sefydliad wedi diffodd y gliniadur hwn. Does dim byd arall yn dod iddo. Gofynnwch i'ch gweinyddwr.

worker-inbox-heading = Mewnflwch
worker-inbox-not-connected = Dydy'r gliniadur hwn ddim wedi'i gysylltu â'ch gwasanaeth eto.
worker-inbox-not-approved = Mae'r gliniadur hwn yn aros i'ch gweinyddwr ei gymeradwyo.
worker-inbox-go-setup = Gosod y gliniadur hwn
worker-inbox-refresh = Gwirio am eitemau newydd
worker-inbox-refreshed = Gwiriwyd ddiwethaf ar { $when }.
worker-inbox-refresh-failed = Wnaeth y gwiriad diwethaf ddim gweithio. Mae Waymark yn rhoi cynnig arall arni bob munud.
worker-inbox-search-label = Chwilio a hidlo'r mewnflwch
worker-inbox-search = Chwilio'r geiriau
worker-inbox-person = Gan bwy
worker-inbox-everyone = Pawb
worker-inbox-kind = Beth
worker-inbox-every-kind = Popeth
worker-inbox-search-go = Chwilio
worker-inbox-urgent = { $count ->
    [one] Angen ei chydnabod nawr: { $count } eitem frys
   *[other] Angen eu cydnabod nawr: { $count } eitem frys
}
worker-inbox-waited = Wedi aros { $time }
worker-inbox-acknowledge-by = Cydnabyddwch hwn erbyn { $when }.
worker-inbox-overdue = Heb ei gydnabod mewn pryd (erbyn { $when }): mae trefn uwchgyfeirio'r sefydliad yn ei anfon ymlaen.
worker-inbox-everything = { $count ->
    [one] { $count } eitem, y diweddaraf yn gyntaf
   *[other] { $count } eitem, y diweddaraf yn gyntaf
}
worker-inbox-empty = Does dim byd wedi'i rannu gyda chi eto.
worker-inbox-no-match = Does dim byd yn cyfateb i'r chwiliad yna.
worker-inbox-open = Agor: { $what } gan { $who }
worker-inbox-opening = Wrthi'n agor eich mewnflwch…

worker-item-new = Newydd
worker-item-read = Wedi'i ddarllen
worker-item-acknowledged = Wedi'i gydnabod
worker-item-replied = { $count ->
    [one] Fe atebloch chi
   *[other] Fe atebloch chi { $count } o weithiau
}
worker-item-refused = Doedd dim modd ei agor: wnaeth e ddim pasio gwiriadau Waymark
worker-item-urgent = Brys
worker-item-back = Yn ôl i'r mewnflwch
worker-item-opening = Wrthi'n agor…
worker-item-urgent-note = Brys: dywedodd y person hwn nad yw'n teimlo'n ddiogel. Cydnabyddwch hyn er mwyn iddyn nhw wybod bod rhywun yn delio ag ef.
worker-item-urgent-taken = Brys: mae'r gwasanaeth yn dweud bod rhywun wedi cydnabod hyn. Cydnabyddwch e hefyd os ydych chi'n delio ag ef.
worker-item-received = Daeth i'r gliniadur hwn ar { $when }.
worker-item-cannot-show = Dydy Waymark ddim yn gallu dangos yr eitem hon.
worker-item-progress = Pa mor bell maen nhw'n teimlo eu bod wedi mynd: { $progress } allan o 100
worker-item-readers = Pwy all ddarllen hwn
worker-reader-me = Chi, ar y gliniadur hwn
worker-reader-named = { $name }, { $role }
worker-reader-other = Gliniadur nad yw'n perthyn i weithiwr
worker-item-answer-heading = Beth rydych chi wedi'i ddweud wrthyn nhw
worker-item-not-read = Dydych chi ddim wedi'i nodi fel wedi'i ddarllen eto. Dydy ei agor ddim yn dweud dim byd wrthyn nhw.
worker-item-read-on = Fe wnaethoch chi ei nodi fel wedi'i ddarllen ar { $when }.
worker-item-acknowledged-on = Fe wnaethoch chi ei gydnabod ar { $when }.
worker-item-replied-on = Fe atebloch chi ar { $when }:
worker-item-acknowledge = Cydnabod: rydw i'n delio â hyn
worker-item-mark-read = Nodi fel wedi'i ddarllen
worker-item-reply = Ateb { $who }
worker-item-reply-reminder = Mae { $who } yn darllen hwn yn eu ap eu hunain, yn eich geiriau chi. Ysgrifennwch fel y byddech chi'n ei ddweud wrthyn nhw.
worker-item-send-reply = Anfon ateb
worker-answer-done-read = Mae { $who } yn cael gwybod eich bod chi wedi'i ddarllen.
worker-answer-done-acknowledge = Mae { $who } yn cael gwybod bod rhywun yn delio ag ef.
worker-answer-done-reply = Mae eich ateb ar ei ffordd at { $who }.

worker-people-heading = Fy mhobl
worker-people-intro = Y bobl ifanc a'r gofalwyr rydych chi'n gweithio gyda nhw. Mae'r enwau rydych chi'n eu rhoi iddyn nhw yma yn aros ar y gliniadur hwn: dydyn nhw byth yn cael eu hanfon at y gwasanaeth.
worker-people-none = Does neb wedi'i ddyrannu i chi eto, a does neb wedi rhannu dim byd gyda chi.
worker-people-you-are = chi yw eu { $roles }
# "dyfais" ar ôl y rhif: un ddyfais, dwy ddyfais, tair dyfais.
worker-people-devices = { $count ->
    [one] { $count } ddyfais wedi'i chymeradwyo
    [two] { $count } ddyfais wedi'u cymeradwyo
   *[other] { $count } dyfais wedi'u cymeradwyo
}
worker-people-last-contact = wedi rhannu rhywbeth ddiwethaf ar { $when }
worker-people-no-contact = heb rannu dim byd eto
worker-people-waiting = { $count ->
    [one] { $count } eitem yn aros amdanoch chi
   *[other] { $count } eitem yn aros amdanoch chi
}
worker-people-show-items = Dangos beth mae { $who } wedi'i rannu
worker-people-name = Enwi { $who }
worker-people-name-label = Eu henw, ar y gliniadur hwn
worker-people-name-hint = Dim ond chi sy'n ei weld, a hynny yma. Gadewch e'n wag i'w anghofio.
worker-people-save-name = Cadw'r enw
worker-people-cancel = Canslo

worker-item-save-pdf = Cadw fel PDF ar gyfer y cofnod achos
worker-people-save-pdf = Cadw popeth gan { $who } fel PDF
worker-saved-pdf = Wedi'i gadw: { $path }

worker-people-plan = Cynllun ar gyfer { $who }
worker-plan-back = Yn ôl at fy mhobl
worker-plan-heading = Cynllun ar gyfer { $who }
worker-plan-latest = Fe wnaethoch chi gyhoeddi fersiwn { $version } ddiwethaf ar { $when }.
worker-plan-none-yet = Dydych chi ddim wedi cyhoeddi cynllun ar eu cyfer o'r gliniadur hwn eto.
worker-plan-not-theirs = Dim ond gweithiwr y mae'r sefydliad wedi'i ddyrannu i { $who } sy'n gallu cyhoeddi eu cynllun. Gallwch chi ei ysgrifennu yma, ond allwch chi ddim ei anfon.
worker-plan-kind = Pa fath o gynllun
worker-plan-kind-care = Cynllun gofal
worker-plan-kind-pathway = Cynllun llwybr (ar gyfer person ifanc sy'n gadael gofal)
worker-plan-title = Teitl
worker-plan-summary = Crynodeb, mewn geiriau y byddan nhw'n eu deall
worker-plan-from = Yn dechrau ar
worker-plan-next-review = Adolygiad nesaf (dewisol)
worker-plan-goals = Nodau
worker-plan-goal = Nod { $number }
worker-plan-matter = Pa ran o'r cynllun
worker-plan-no-matter = Dim un rhan benodol (nod mewn cynllun gofal)
worker-plan-goal-text = Y nod
worker-plan-action = Cam { $number }
worker-plan-action-text = Beth fydd yn cael ei wneud
worker-plan-owner = Pwy sy'n ei wneud
worker-plan-due = Erbyn pryd (dewisol)
worker-plan-status = Pa mor bell mae wedi mynd
worker-plan-add-action = Ychwanegu cam
worker-plan-remove-action = Tynnu cam { $number } allan
worker-plan-add-goal = Ychwanegu nod
worker-plan-remove-goal = Tynnu nod { $number } allan
worker-plan-preview = Dangos beth fydd { $who } yn ei weld
worker-plan-preview-heading = Beth fydd { $who } yn ei weld yn fersiwn { $version }
worker-plan-preview-first = Dyma'r fersiwn gyntaf: mae { $who } yn gweld y cynllun cyfan.
worker-plan-publish = Cyhoeddi i { $who }
# "dyfais" ar ôl y rhif: un ddyfais, dwy ddyfais, tair dyfais.
worker-plan-published = { $count ->
    [one] Mae fersiwn { $version } ar ei ffordd at { $who } ({ $count } ddyfais).
    [two] Mae fersiwn { $version } ar ei ffordd at { $who } ({ $count } ddyfais).
   *[other] Mae fersiwn { $version } ar ei ffordd at { $who } ({ $count } dyfais).
}
worker-people-next-review = adolygiad nesaf ar { $date }

worker-menu-duty = Dyletswydd
worker-duty-heading = Eitemau brys ar draws y tîm
worker-duty-intro = Popeth y dywedodd unrhyw un ei fod yn frys, at bwy yr aeth, pwy sy'n delio ag ef a beth gafodd ei uwchgyfeirio. Mae'r gwasanaeth yn gwybod pwy gafodd eu rhybuddio, byth beth gafodd ei ysgrifennu: agorwch eitem i'w darllen, os cafodd ei selio ar gyfer y gliniadur hwn.
worker-duty-none = Does neb wedi dweud unrhyw beth brys.
worker-duty-raised = codwyd { $when }
worker-duty-acknowledged = Cydnabuwyd gan { $who } ar { $when }.
worker-duty-not-acknowledged = Does neb wedi'i gydnabod eto: wedi aros { $time }.
worker-duty-escalations = { $count ->
    [one] Aeth ymlaen at y person nesaf unwaith.
   *[other] Aeth ymlaen at y person nesaf { $count } o weithiau.
}
worker-duty-raised-to = Codwyd i:
worker-duty-why-duty = tîm dyletswydd
worker-duty-why-allocated = eu gweithiwr eu hunain
worker-duty-why-escalated = wedi'i uwchgyfeirio
worker-duty-open = Agor beth ddywedodd { $who }
worker-duty-not-sealed-here = Ni chafodd ei selio ar gyfer y gliniadur hwn, felly does dim modd ei ddarllen yma.
worker-inbox-taken = Mae'r gwasanaeth yn dweud bod rhywun wedi'i gydnabod.

# The organisation: devices, and for administrators invites, workers and allocations
worker-menu-organisation = Sefydliad
worker-org-heading = Sefydliad
worker-org-heading-named = { $organisation }
worker-org-intro = Y bobl rydych chi'n gweithio gyda nhw a'u dyfeisiau. Pan fydd rhywun yn cysylltu gyda'r cod gwahodd a roddwyd iddyn nhw, mae eu ap yn dangos cod byr: gofynnwch iddyn nhw ei ddarllen i chi, a chymeradwywch eu dyfais dim ond os yw'r cod yn cyfateb.
worker-org-intro-admin = Rydych chi'n weinyddwr: gallwch chi wahodd pobl, cymeradwyo a diffodd dyfeisiau, ychwanegu a thynnu gweithwyr, a dweud pwy sy'n gweithio gyda phwy. Mae pob newid wedi'i lofnodi gan y gliniadur hwn, ac mae pob ap yn ei wirio.
worker-org-people-all = Pawb y mae'r sefydliad yn gweithio gyda nhw
worker-org-people-mine = Y bobl rydych chi'n gweithio gyda nhw
worker-org-no-people = Neb eto.
worker-org-no-worker = Dim gweithiwr eto
worker-org-allocation = { $role }: { $name }
worker-org-show-devices = Dyfeisiau { $who }
worker-org-devices-of = Dyfeisiau { $who }
worker-org-no-devices = Does dim dyfais wedi cysylltu gyda'u gwahoddiad eto.
worker-org-device = Dyfais { $id }
worker-org-device-waiting = Yn aros i gael ei chymeradwyo
worker-org-device-approved = Wedi'i chymeradwyo
worker-org-device-revoked = Wedi'i diffodd
worker-org-device-enrolled = wedi cysylltu ar { $when }
worker-org-code-label = Y cod y mae eu ap yn ei ddangos
worker-org-code-hint = Gofynnwch iddyn nhw ei ddarllen yn uchel. Os nad yw'n cyfateb, peidiwch â chymeradwyo: efallai nad eu dyfais nhw yw hi.
worker-org-approve = Cymeradwyo'r ddyfais hon
worker-org-approved = Wedi'i chymeradwyo. Gall eu ap rannu nawr gyda'r bobl maen nhw'n eu dewis.
worker-org-revoke = Diffodd y ddyfais hon
worker-org-revoke-confirm = Diffodd y ddyfais hon? Fydd dim byd arall yn cael ei anfon ati a fydd dim byd y mae'n ei anfon yn cael ei dderbyn. Gwnewch hyn pan fydd dyfais ar goll neu ddim yn eiddo iddyn nhw mwyach. Does dim modd dadwneud hyn: maen nhw'n cysylltu eto gyda chod gwahodd newydd.
worker-org-revoke-yes = Ie, ei diffodd
worker-org-revoked = Wedi'i diffodd.
worker-org-invite-heading = Gwahodd rhywun
worker-org-invite-name = Eu henw
worker-org-invite-name-hint = Dim ond ar y gliniadur hwn y caiff ei gadw. Mae'r gwasanaeth a rhestr y sefydliad yn eu hadnabod wrth rif.
worker-org-invite-as = Pwy ydyn nhw
worker-org-invite-worker = Eu { $role }
worker-org-nobody-yet = Neb eto
worker-org-invite-days = Sawl diwrnod mae'r cod yn para (1 i 30)
worker-org-invite-make = Gwneud eu cod gwahodd
worker-org-invite-made = Cod gwahodd ar gyfer { $who }
worker-org-invite-give = Rhowch y cod hwn iddyn nhw, neu cadwch ef fel dogfen i'w hargraffu. Mae'n gweithio unwaith. Ddylai neb arall ei weld.
worker-org-invite-expires = Mae'n dod i ben ar { $when }.
worker-org-invite-print = Cadw fel dogfen i'w hargraffu
worker-org-invite-close = Wedi gorffen
worker-org-allocate-label = Gweithiwr newydd ar gyfer { $who }
worker-org-choose-worker = Dewiswch weithiwr
worker-org-worker-option = { $name } ({ $role })
worker-org-allocate = Dyrannu
worker-org-allocated = Wedi dyrannu. Maen nhw'n cymryd lle pwy bynnag oedd â'r rôl honno ar gyfer y person hwn.
worker-org-without-worker = { $count ->
    [one] Does gan 1 person ddim gweithiwr mewn rôl ers i'w gweithiwr adael:
   *[other] Does gan { $count } o bobl ddim gweithiwr mewn rôl ers i'w gweithiwr adael:
}
worker-org-person-code = Cod gwahodd newydd ar gyfer { $who }
worker-org-workers = Gweithwyr
worker-org-you = { $name } (chi)
worker-org-admin = gweinyddwr
worker-org-left = wedi gadael
worker-org-laptops = { $count ->
    [one] 1 gliniadur wedi'i gymeradwyo
    [two] { $count } liniadur wedi'u cymeradwyo
   *[other] { $count } gliniadur wedi'u cymeradwyo
}
worker-org-show-laptops = Gliniaduron { $who }
worker-org-laptop-code = Cod gliniadur newydd ar gyfer { $who }
worker-org-remove = Tynnu { $who }
worker-org-remove-confirm = Tynnu { $who }? Mae eu gliniaduron yn cael eu diffodd ar unwaith: fydd dim byd arall yn cael ei anfon atyn nhw a fydd dim byd maen nhw'n ei anfon yn cael ei dderbyn. Mae'r hyn maen nhw wedi'i agor yn barod yn aros ar eu gliniaduron. Bydd angen gweithiwr newydd ar y bobl roedden nhw'n gweithio gyda nhw.
worker-org-remove-yes = Ie, tynnu { $who }
worker-org-removed = Wedi tynnu. Mae eu gliniaduron wedi'u diffodd.
worker-org-add-worker = Ychwanegu gweithiwr
worker-org-worker-name = Eu henw
worker-org-worker-name-hint = Mae'r bobl maen nhw'n gweithio gyda nhw yn gweld yr enw hwn.
worker-org-worker-role = Eu rôl
worker-org-add-worker-make = Eu hychwanegu a gwneud cod gwahodd eu gliniadur

worker-org-library = Cyhoeddi'r llyfrgell
worker-org-library-hint = Dewiswch bob tudalen o'r llyfrgell: y ffeiliau Markdown (.md) yn Saesneg ac yn Gymraeg. Maen nhw'n cael eu gwirio (pob dolen, pob cyfieithiad) a'u llofnodi gan y gliniadur hwn, ac mae pob ap yn eu gosod y tro nesaf mae'n gwirio, ar ôl gwirio eich llofnod.
worker-org-library-files = Tudalennau'r llyfrgell
worker-org-library-chosen = { $count ->
    [one] 1 dudalen wedi'i dewis.
    [two] { $count } dudalen wedi'u dewis.
   *[other] { $count } tudalen wedi'u dewis.
}
worker-org-library-version = Fersiwn (uwch na'r un sydd wedi'i chyhoeddi nawr)
worker-org-library-publish = Gwirio, llofnodi a chyhoeddi
worker-org-library-published = Mae fersiwn { $version } o'r llyfrgell wedi'i chyhoeddi ({ $count } tudalen). Mae pob ap yn ei chymryd y tro nesaf mae'n gwirio ac yn ei defnyddio tan { $until }: cyhoeddwch hi eto cyn hynny, neu bydd apiau'n mynd yn ôl i'r tudalennau sy'n dod gyda Waymark.

# The audit log, for administrators
worker-menu-audit = Log archwilio
worker-audit-heading = Log archwilio
worker-audit-intro = Beth wnaeth pob gweithiwr, a phryd, fel y cafodd ei ysgrifennu a'i lofnodi gan eu gliniadur. Mae'r gwasanaeth yn cadw'r log ond all e ddim ysgrifennu ynddo: fyddai cofnod y mae wedi'i ffugio neu ei newid ddim yn cario llofnod gliniadur, ac mae un y mae wedi'i adael allan o'r canol yn gadael bwlch sydd i'w weld yma. Gallai ddal cofnodion diweddaraf gliniadur yn ôl o hyd nes i'r gliniadur hwnnw ysgrifennu eto: gweler isod pryd ysgrifennodd pob gliniadur ddiwethaf.
worker-audit-refresh = Darllen y log eto
worker-audit-problems = Mae rhywbeth o'i le ar y log
worker-audit-problem-missing = Mae cofnodion { $from } i { $to } o liniadur { $who } ({ $laptop }) ar goll: wnaeth y gwasanaeth ddim eu trosglwyddo.
worker-audit-problem-not_signed = Mae cofnod ({ $from }) yr honnir ei fod o liniadur { $who } ({ $laptop }) heb ei lofnodi ganddo, neu mae wedi'i newid. Dydy e ddim yn cael ei ddangos.
worker-audit-problem-broken_chain = Dydy cofnod { $from } o liniadur { $who } ({ $laptop }) ddim yn dilyn yr un o'i flaen: cafodd un ohonyn nhw ei ddisodli.
worker-audit-problem-unknown_device = Daeth cofnodion o ddyfais ({ $laptop }) nad yw'n liniadur gweithiwr ar restr y sefydliad. Dydyn nhw ddim yn cael eu dangos.
worker-audit-all-checked = { $count ->
    [one] 1 cofnod wedi'i ddangos, wedi'i lofnodi gan y gliniadur a'i ysgrifennodd.
    [two] { $count } gofnod wedi'u dangos, pob un wedi'i lofnodi gan y gliniadur a'i ysgrifennodd, heb un ar goll rhyngddyn nhw.
   *[other] { $count } cofnod wedi'u dangos, pob un wedi'i lofnodi gan y gliniadur a'i ysgrifennodd, heb un ar goll rhyngddyn nhw.
}
worker-audit-laptops = Gliniaduron
worker-audit-laptop = { $who }, gliniadur { $laptop }: { $count ->
    [one] 1 cofnod
    [two] { $count } gofnod
   *[other] { $count } cofnod
}
worker-audit-last = y diweddaraf ar { $when }
worker-audit-none = Does dim byd wedi'i ysgrifennu yn y log eto.
worker-audit-caption = Y { $shown } cofnod diweddaraf o { $total }
worker-audit-when = Pryd
worker-audit-who = Pwy
worker-audit-what = Beth wnaethon nhw
worker-audit-about = Am bwy
worker-audit-on-laptop = (gliniadur { $laptop })
worker-audit-opened = Agor yr hyn a rannwyd
worker-audit-read = Nodi fel wedi'i ddarllen
worker-audit-acknowledged = Cydnabod
worker-audit-replied = Ateb
worker-audit-published = Cyhoeddi fersiwn { $version } o'r cynllun
worker-audit-saved = { $count ->
    [one] Cadw cofnod achos (1 eitem)
   *[other] Cadw cofnod achos ({ $count } eitem)
}
worker-audit-invite = Gwneud cod gwahodd
worker-audit-library = Cyhoeddi fersiwn { $version } o'r llyfrgell
worker-audit-roster-add_person = Ychwanegu rhywun at restr y sefydliad
worker-audit-roster-certify_device = Cymeradwyo dyfais
worker-audit-roster-revoke_device = Diffodd dyfais
worker-audit-roster-add_worker = Ychwanegu gweithiwr
worker-audit-roster-revoke_worker = Tynnu gweithiwr
worker-audit-roster-add_worker_device = Cymeradwyo gliniadur gweithiwr
worker-audit-roster-allocate = Dyrannu gweithiwr
worker-audit-roster-set_urgent_policy = Newid pwy sy'n cael eitemau brys
worker-audit-roster-other = Newid rhestr y sefydliad
