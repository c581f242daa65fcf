# Sgriniau'r polisi gofal mwy diogel, y cofnod dysgu, a rhannu a phreifatrwydd.

## Ein polisi gofal mwy diogel
policy-heading = Ein polisi gofal mwy diogel
policy-intro = Sut mae eich aelwyd yn cadw pawb yn ddiogel ac yn teimlo'n ddiogel. Ysgrifennwch gymaint neu cyn lleied ag sy'n gweddu i'ch cartref. Mae'n cael ei gadw wrth i chi deipio.
policy-status-need-household = Ychwanegwch enw eich aelwyd yn gyntaf, ac yna bydd eich geiriau'n cael eu cadw.
policy-status-saving = Wrthi'n cadw…
policy-status-saved = Wedi'i gadw
policy-status-not-saved = Heb ei gadw
policy-household = Enw'r aelwyd
policy-reviewed-on = Y tro diwethaf i chi siarad amdano gyda'ch gilydd
policy-next-review-on = Y tro nesaf i edrych arno
policy-print = Argraffu
policy-export = Cadw fel dogfen
policy-exported = Wedi'i gadw yn { $path }

## Cofnod dysgu
learning-log-heading = Cofnod dysgu
learning-log-add-heading = Ychwanegu rhywbeth rydych chi wedi'i ddysgu
learning-log-date = Dyddiad
learning-log-kind = Pa fath
learning-log-kind-course = Cwrs neu hyfforddiant
learning-log-kind-reading = { learning-reading }
learning-log-kind-webinar = { learning-webinar }
learning-log-kind-support_group = { learning-support_group }
learning-log-kind-other = Rhywbeth arall
learning-log-title = Beth oedd e?
learning-log-how-long = Faint o amser gymerodd e?
learning-log-hours = Oriau
learning-log-minutes = Munudau
learning-log-notes = Nodiadau (gallwch chi adael hwn yn wag)
learning-log-add = Ychwanegu at fy nghofnod
learning-log-need-time = Dywedwch faint o amser gymerodd e: oriau, munudau neu'r ddau.
learning-log-added = Wedi ychwanegu “{ $title }”.
learning-log-exported = Wedi'i gadw yn { $path }
learning-log-totals = Cyfansymiau
learning-log-total = { $count ->
        [one] { $count } eitem
       *[other] { $count } eitem
    }, { $time } i gyd.
learning-log-by-month = Oriau fesul mis
learning-log-month = Mis
learning-log-time = Amser
learning-log-export = Cadw fel taenlen (CSV)
learning-log-everything = Popeth yn fy nghofnod
learning-log-empty = Dim byd eto.

## Rhannu a phreifatrwydd
privacy-heading = Rhannu a phreifatrwydd
privacy-connected-status = Wedi cysylltu â { $service }. Does dim byd yn cael ei rannu nes i chi ddweud ie.
privacy-consent-saved = Wedi'i gadw. Gallwch chi ei dynnu'n ôl unrhyw bryd.
privacy-sent = Wedi'i wneud. Mae unrhyw beth newydd yn eich cynllun ac yn yr hyn rydych chi wedi'i rannu.
# Ar ôl tynnu caniatâd yn ôl: y frawddeg gyntaf bob tro, yna pob un o'r lleill pan fydd yn berthnasol.
privacy-withdrawn = Fydd { $recipient } ddim yn cael { $what } o hyn ymlaen.
privacy-withdrawn-no-longer-handed = Mae eich gwasanaeth yn dweud na fydd yn rhoi iddyn nhw { $count ->
    [one] yr 1 peth
   *[other] y { $count } peth
} a rannoch chi o'r blaen mwyach. Efallai eu bod wedi darllen rhywfaint ohono'n barod.
privacy-withdrawn-unsent = { $count ->
        [one] Fydd { $count } eitem sy'n aros i fynd ddim yn cael ei hanfon.
       *[other] Fydd { $count } eitem sy'n aros i fynd ddim yn cael eu hanfon.
    }
privacy-withdrawn-deleted = Mae { $recipient } wedi dileu { $count ->
        [one] { $count } eitem
       *[other] { $count } eitem
    } oedd ganddo gennych chi, ac mae'r dderbynneb a lofnododd yn gywir.
privacy-withdrawn-problem = Dydyn ni ddim wedi gallu gofyn i { $recipient } ddileu'r hyn sydd ganddo eto ({ $problem }); byddwn ni'n dal i ofyn.
privacy-my-service = Fy ngwasanaeth
# Mae $service yn cael ei ddangos mewn print trwm.
privacy-connected = Wedi cysylltu â { $service } ers { $date }.
privacy-keys = Ei allweddi: { $fingerprint }
privacy-approval-waiting = Gofynnwch i'ch gweithiwr gymeradwyo'r gliniadur hwn. Darllenwch y cod hwn iddyn nhw: { $code }
privacy-approval-waiting-why = Nes iddyn nhw wneud hynny, all eich cynllun ddim dod i'r gliniadur hwn, ac mae'r hyn rydych chi'n ei rannu yn aros yma: mae wedi'i gloi fel mai dim ond gliniaduron eich gweithwyr all ei agor, ac mae angen iddyn nhw wybod mai chi biau'r gliniadur hwn.
privacy-approval-approved = Mae { $service } wedi cymeradwyo'r gliniadur hwn.
privacy-approval-revoked = Mae { $service } wedi diffodd y gliniadur hwn. Does dim byd arall yn dod iddo. Gofynnwch i'ch gweithiwr os nad oeddech chi'n disgwyl hyn.
privacy-waiting = { $waiting ->
        [0] Does dim byd yn aros i'w anfon.
        [one] Mae { $waiting } eitem yn aros i'w hanfon.
       *[other] Mae { $waiting } eitem yn aros i'w hanfon.
    }
privacy-last-sent = Anfonwyd ddiwethaf ar { $date }.
privacy-check-now = { $waiting ->
        [0] Gwirio am newyddion nawr
       *[other] Anfon a gwirio nawr
    }
privacy-say-yes = Dweud ie i rannu { $what } gyda { $service }
# Mae $service yn cael ei ddangos mewn print trwm.
privacy-preview-from = Mae'r cod hwn yn dod gan { $service }.
privacy-preview-details = Cyfeiriad: { $url } · Allweddi: { $fingerprint } (maen nhw'n cyd-fynd â'r cod)
privacy-preview-organisation = Sefydliad: { $fingerprint }. Dim ond pobl a gliniaduron y mae'r sefydliad hwn yn llofnodi drostyn nhw sy'n cael eu trystio.
privacy-preview-explain = Os byddwch chi'n cysylltu, fyddan nhw ddim yn cael dim byd nes i chi ddweud ie i fath o beth a dewis ei rannu. Gallwch chi stopio unrhyw bryd.
privacy-connect = Cysylltu â { $service }
privacy-not-now = Dim nawr
privacy-change-service = Cysylltu â gwasanaeth gwahanol…
privacy-keep-service = Cadw { $service }
privacy-change-same = Mae hyn yn cysylltu eto â { $service }. Mae'r hyn y dywedoch chi ie iddo yn parhau.
privacy-change-replaces = Mae hyn yn cymryd lle eich cysylltiad â { $service }.
privacy-change-ends = Dywedoch chi ie i rannu { $what } â { $service }: mae hynny'n dod i ben.
privacy-change-waiting = { $count ->
    [one] Fydd 1 peth sy'n aros i fynd i { $service } ddim yn cael ei anfon.
   *[other] Fydd { $count } peth sy'n aros i fynd i { $service } ddim yn cael eu hanfon.
}
privacy-change-deletions = { $count ->
    [one] Fydd 1 peth y gofynnoch chi i { $service } ei ddileu ddim yn cael ei ofyn eto.
   *[other] Fydd { $count } peth y gofynnoch chi i { $service } eu dileu ddim yn cael eu gofyn eto.
}
privacy-change-nothing-carried = Does dim byd y dywedoch chi ie iddo yn dod gyda chi i'r gwasanaeth newydd.
privacy-change-passphrase = Eich cyfrinymadrodd, i newid gwasanaeth
privacy-invite-explain = Gall eich gweithiwr cymdeithasol, eich cynghorydd personol neu eich gwasanaeth maethu roi cod gwahodd i chi. Gludwch y cod yma i gysylltu.
privacy-invite-code = Cod gwahodd
privacy-check-code = Gwirio'r cod hwn
privacy-who-heading = Pwy all gael eich pethau
privacy-no-consents = Neb. Mae popeth rydych chi'n ei ysgrifennu yn aros ar y gliniadur hwn nes i chi ddweud y caiff fynd.
# Mae $recipient a $what yn cael eu dangos mewn print trwm.
privacy-consent = Gall { $recipient } gael { $what } pan fyddwch chi'n dewis rhannu.
privacy-consent-worker = Fe ddywedoch chi y gall { $what } rydych chi'n dewis eu rhannu fynd at { $who }.
privacy-said-yes = Fe ddywedoch chi ie ar { $date }.
privacy-stop-sharing = Stopio rhannu { $what } gyda { $recipient }
privacy-counts = { $waiting } eitem yn aros i'w hanfon · { $sent ->
        [one] { $sent } wedi'i hanfon
       *[other] { $sent } wedi'u hanfon
    } hyd yn hyn.
privacy-deletions-heading = Pethau rydych chi wedi gofyn i'w dileu
# Mae $service yn cael ei ddangos mewn print trwm. $what yw'r math o beth, yng ngeiriau cofnod y gwasanaeth.
privacy-deletion-asked = Fe ofynnoch chi i { $service } ddileu { $what } ar { $date }.
privacy-deletion-done = Wedi'i wneud ar { $date }: fe wnaethon nhw ddileu { $count ->
        [one] { $count } eitem
       *[other] { $count } eitem
    }, ac mae'r dderbynneb a lofnodon nhw yn gywir. Mae'r dderbynneb yn cael ei chadw yn eich proffil.
privacy-deletion-waiting = Yn aros iddyn nhw gadarnhau. Byddwn ni'n dal i ofyn tra bydd Waymark ar agor.
privacy-copy-passphrase = Eich cyfrinymadrodd, i gloi'r copi
privacy-download-locked = Cadw copi wedi'i gloi
privacy-readable-summary = Copi y gall unrhyw un ei ddarllen
privacy-readable-warning = Dydy'r ffeiliau hyn ddim wedi'u cloi: gall unrhyw un sy'n eu cael ddarllen popeth ysgrifennoch chi. Cadwch nhw mewn lle preifat yn unig, a dilëwch nhw pan fyddwch chi wedi gorffen gyda nhw.
privacy-copy-heading = Copi o bopeth
privacy-copy-explain = Cadw copi wedi'i gloi o bopeth yn eich proffil. Dim ond gyda'ch cyfrinymadrodd mae'n agor, a gallwch chi ddod ag ef yn ôl i Waymark, ar y gliniadur hwn neu un arall.
privacy-download = Cadw copi y gall unrhyw un ei ddarllen (tudalen a ffeil ddata)
privacy-saved-to = Wedi'i gadw yn { $path }
privacy-delete-heading = Dileu fy mhroffil
privacy-start-delete = Dileu fy mhroffil…
# Mae $name yn cael ei ddangos mewn print trwm.
privacy-delete-warning = Mae hyn yn dileu popeth sydd yn { $name } o'r gliniadur hwn am byth. All neb ei gael yn ôl, dim hyd yn oed gyda'ch cod adfer. Mae pethau sydd eisoes wedi'u hanfon at y gwasanaeth yn aros gyda nhw.
privacy-delete-first = Efallai yr hoffech chi lawrlwytho eich gwybodaeth yn gyntaf.
privacy-confirm-name = I ddileu, teipiwch enw eich proffil: { $name }
privacy-confirm-delete = Dileu fy mhroffil am byth
privacy-keep = Cadw fy mhroffil
