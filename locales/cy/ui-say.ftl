# Y sgrin hafan, paratoi ar gyfer adolygiad, dweud rhywbeth, rhannu, a beth rydw i wedi'i ddweud.

## Hafan
home-hello = Helo, { $name }
# $date yw diwrnod yr adolygiad nesaf, mewn print trwm; $when yw home-next-review-when.
home-next-review = Eich adolygiad nesaf: { $date } ({ $when }).
home-next-review-when = { $days ->
    [0] heddiw
    [1] yfory
    [two] mewn { $days } ddiwrnod
   *[other] mewn { $days } diwrnod
}
home-next-review-none = Dydy dyddiad eich adolygiad nesaf ddim yma eto. Bydd yn dod gyda'ch cynllun.
home-todo = Beth sydd angen ei wneud
# $kind yw'r math o beth sy'n cael ei ddweud, e.e. "Rydw i'n poeni".
home-finish = Gorffen “{ $kind }”
home-ready = { $count ->
    [one] Mae { $count } yn barod i'w rannu pan fyddwch chi eisiau.
   *[other] Mae { $count } yn barod i'w rhannu pan fyddwch chi eisiau.
}
home-see-them = Eu gweld
home-open-steps = { $count ->
    [one] Mae { $count } cam ar ôl i'w wneud yn eich cynllun.
    [two] Mae { $count } gam ar ôl i'w gwneud yn eich cynllun.
    [few] Mae { $count } cham ar ôl i'w gwneud yn eich cynllun.
    [many] Mae { $count } cham ar ôl i'w gwneud yn eich cynllun.
   *[other] Mae { $count } cam ar ôl i'w gwneud yn eich cynllun.
}
home-see-plan = Gweld fy nghynllun
home-plan-changed = Mae eich cynllun wedi newid ers y fersiwn ddiwethaf.
home-see-changes = Gweld beth sydd wedi newid
home-nothing = Dim byd ar hyn o bryd. Gallwch chi baratoi ar gyfer eich adolygiad nesaf pryd bynnag rydych chi eisiau.
home-start-policy = Dechreuwch bolisi gofal mwy diogel eich aelwyd.
home-start-it = Ei ddechrau
home-policy-due = Mae'n bryd edrych eto ar eich polisi gofal mwy diogel.
home-open-it = Ei agor
# $time yw faint o amser gymerodd yr eitemau i gyd, e.e. "1 awr 30 mun".
home-learning-log = { $count ->
    [one] Mae { $count } eitem yn eich cofnod dysgu ({ $time }).
   *[other] Mae { $count } eitem yn eich cofnod dysgu ({ $time }).
}
home-add-to-it = Ychwanegu ato
# $lock a $exit yw enwau'r botymau Cloi a Gadael yn gyflym, mewn print trwm.
home-lock-hint = Pwyswch { $lock } pan fyddwch chi wedi gorffen. Mae { $exit } (neu Esc ddwywaith) yn cuddio Waymark ar unwaith.

## Paratoi ar gyfer adolygiad
review-saved = Wedi'i gadw
review-saving = Wrthi'n cadw…
review-not-answered = Heb ateb
# $section yw'r rhan o'r adolygiad y mae'r cwestiwn ynddi.
review-progress = { $section } · Cwestiwn { $number } o { $total }
review-pick-face = Dewiswch yr un sy'n iawn i chi
review-pick-one = Dewiswch un
review-your-words = Eich geiriau chi
review-add-words = Unrhyw beth rydych chi eisiau ei ychwanegu? (gallwch chi adael hwn yn wag)
review-back = Yn ôl
review-check-answers = Gwirio fy atebion
review-next = Nesaf
review-finish-later = Gorffen nes ymlaen
review-check-heading = Gwiriwch eich atebion
review-change = Newid
review-ready-note = Pan fydd yn barod, chi sy'n dewis a ydych chi am ei rannu, a phryd. Does dim byd wedi'i anfon eto.
review-ready = Mae'n barod
review-opening = Wrthi'n agor…

## Dweud rhywbeth
say-heading = Dweud rhywbeth
say-what = Beth rydych chi eisiau ei ddweud?
say-not-safe-now = Os nad ydych chi'n ddiogel ar hyn o bryd, ffoniwch rywun nawr.
say-works-offline = Mae hyn yn gweithio heb y rhyngrwyd.
say-urgent-note = Pan fyddwch chi'n rhannu hwn, bydd eich gwasanaeth yn gallu gweld ei fod yn frys, felly mae'n mynd gyntaf. Dydyn nhw ddim yn gallu gweld beth mae'n ei ddweud nes iddyn nhw ei agor. Efallai na fydd neb yn ei ddarllen yn syth.
say-own-words = Ysgrifennwch y peth yn eich geiriau eich hun
say-saving = Wrthi'n cadw…
say-saved = Wedi'i gadw
say-ready = Mae'n barod
say-finish-later = Gorffen nes ymlaen

## Rhannu un peth gyda'r gwasanaeth
share-will-send = Bydd yn cael ei anfon pan fydd modd cysylltu â { $service }.
share-sent = Wedi'i anfon at { $service }.
# $what yw beth fyddai'n cael ei rannu, e.e. "eich cofnod dysgu"; $service yw enw'r gwasanaeth.
share-ask = I rannu hwn, dywedwch ie i rannu { $what } gyda { $service }. Gallwch chi newid eich meddwl unrhyw bryd.
share-yes = Dweud ie a rhannu
share-not-now = Dim nawr
share-with = Rhannu gyda { $service }

## Beth rydw i wedi'i ddweud
shared-heading = Beth rydw i wedi'i ddweud
shared-nothing = Dim byd eto. Bydd beth rydych chi'n ei ysgrifennu yn dangos yma, gyda beth ddigwyddodd iddo.
shared-timeline = Beth ddigwyddodd iddo
# $status yw cam, e.e. "Wedi'i rannu"; $date yw'r diwrnod y digwyddodd.
shared-step-done = { $status }: { $date }
shared-step-not-yet = { $status }: ddim eto
# O dan gwestiwn sydd heb ei gyfieithu eto i'r iaith a ddewiswyd
review-not-translated = Dydy'r cwestiwn hwn ddim wedi'i gyfieithu eto, felly mae yn Saesneg.
# A worker's role at the service, after "eich" (who-worker) or a name (who-worker-named).
worker-social_worker = gweithiwr cymdeithasol
worker-iro = Swyddog Adolygu Annibynnol (IRO)
worker-supervising_social_worker = gweithiwr cymdeithasol goruchwylio
worker-duty = tîm dyletswydd
# Who something goes to, or who answered.
who-worker = eich { $worker }
who-worker-named = { $name } (eich { $worker })
who-duty = y tîm dyletswydd
who-duty-named = { $name } (tîm dyletswydd)
share-ask-workers = Pwy ddylai gael { $what }? Dim ond eu gliniaduron nhw all ei agor (a gliniaduron y bobl sy'n ateb negeseuon brys yn eich gwasanaeth hefyd, os dywedwch chi nad ydych chi'n teimlo'n ddiogel). Gallwch chi newid hyn unrhyw bryd.
share-yes-worker = Rhannu gyda { $who }
share-yes-both = Rhannu gyda'r ddau
share-waits-for-reader = Mae'n aros ar y gliniadur hwn nes y gall fynd: rhaid i'r gwasanaeth gymeradwyo'r gliniadur hwn, a rhaid i'r gweithiwr a ddewisoch chi gael gliniadur y mae wedi'i gymeradwyo.
share-nobody-yet = Does neb yn { $worker } i chi yn rhestr y gwasanaeth eto, felly mae'r hyn rydych chi'n ei rannu gyda nhw yn aros nes bod rhywun.
shared-responses = Beth wnaeth eich gweithwyr
shared-response-received = Cafodd { $who } hwn ar { $date }.
shared-response-read = Darllenodd { $who } hwn ar { $date }.
shared-response-acknowledged = Gwelodd { $who } fod hwn ar frys ac mae'n delio ag ef ({ $date }).
shared-response-replied = Atebodd { $who } ar { $date }:
