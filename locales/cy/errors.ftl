# Beth sy'n mynd o'i le, wedi'i ddweud fel bod person yn gallu gweithredu. Mae pob id yn
# error-<cod>, y cod y mae'r craidd a'r gragen yn ei anfon gyda phob gwrthodiad.

## Agor proffil
error-wrong_passphrase = Dydy'r cyfrinymadrodd yna ddim yn iawn. Gwiriwch y fysell Caps Lock a rhowch gynnig arall arni.
error-too_many_attempts = { $seconds ->
    [one] Gormod o gynigion anghywir. Arhoswch { $seconds } eiliad, yna rhowch gynnig arall arni.
   *[other] Gormod o gynigion anghywir. Arhoswch { $seconds } eiliad, yna rhowch gynnig arall arni.
}
error-wrong_recovery_code = Dydy'r cod adfer yna ddim yn iawn. Gwiriwch bob grŵp o lythrennau a rhifau.
error-weak_passphrase = { $problem ->
    [too_short] Mae'r cyfrinymadrodd yna'n rhy hawdd ei ddyfalu: defnyddiwch o leiaf 10 nod. Mae tri gair ar hap yn gweithio'n dda.
    [repetitive] Mae'r cyfrinymadrodd yna'n rhy hawdd ei ddyfalu: mae'n ailadrodd yr un ychydig lythrennau. Rhowch gynnig ar dri gair ar hap.
    [common] Mae'r cyfrinymadrodd yna'n rhy hawdd ei ddyfalu: '{ $word }' yw'r rhan fwyaf ohono, sef un o'r pethau cyntaf y mae pobl yn eu dyfalu.
   *[untypable] Mae'r cyfrinymadrodd yna'n rhy hawdd ei ddyfalu: mae ynddo nodau na all bysellfwrdd eu teipio, felly fyddech chi ddim yn gallu ei deipio eto.
}
error-profile_not_found = Does dim proffil o'r enw '{ $name }' ar y cyfrifiadur hwn.
error-profile_name_taken = Mae proffil o'r enw '{ $name }' yn bodoli'n barod. Dewiswch enw arall.
error-locked = Mae Waymark wedi cloi. Agorwch eich proffil yn gyntaf.
error-confirm_mismatch = Teipiwch enw eich proffil, { $name }, yn union er mwyn ei ddileu.

## Difrod a diffygion
error-integrity = Doedd dim modd agor cofnod { $record }: mae wedi cael ei newid neu ei ddifrodi ar y ddisg. Does dim effaith ar eich cofnodion eraill.
error-damaged_key = Mae'r allweddi sydd wedi'u cadw ar gyfer y proffil hwn wedi'u difrodi, felly does dim modd ei agor.
error-kdf_below_floor = Mae'r gosodiadau allweddi sydd wedi'u cadw ar gyfer y proffil hwn yn wannach nag y mae Waymark yn ei ganiatáu, felly fydd e ddim yn eu defnyddio.
error-storage = Doedd dim modd darllen o'r gladdgell nac ysgrifennu iddi. Ailgychwynnwch Waymark. Os yw'n dal i ddigwydd, lawrlwythwch eich holl wybodaeth o'r sgrin Rhannu a phreifatrwydd.
error-io = Doedd dim modd darllen nac ysgrifennu ffeil. Gwiriwch fod lle ar y gliniadur hwn a rhowch gynnig arall arni.
error-internal = Aeth rhywbeth o'i le y tu mewn i Waymark. Ailgychwynnwch Waymark.
error-window = Doedd dim modd cuddio'r ffenestr.
error-unreadable_request = Doedd Waymark ddim yn gallu darllen yr hyn a anfonwyd ar gyfer '{ $command }'. Does dim byd wedi newid.
error-ledger_by_hand = Mae cofnodion { $kind } yn cael eu hysgrifennu wrth roi neu dynnu caniatâd yn ôl ac wrth anfon, nid eu hychwanegu â llaw.

## Rhannu gyda'r gwasanaeth
error-no_invite = Gludwch eich cod gwahodd a'i wirio yn gyntaf.
error-not_connected = Cysylltwch â'ch gwasanaeth yn gyntaf, yn Rhannu a phreifatrwydd.
error-unreachable = Doedd dim modd cyrraedd y gwasanaeth. Mae eich pethau'n aros yn y blwch anfon a byddan nhw'n cael eu hanfon nes ymlaen.
error-untrusted_certificate = Wnaeth cyfeiriad y gwasanaeth ddim profi pwy ydyw (dydy'r gliniadur hwn ddim yn ymddiried yn ei dystysgrif ddiogelwch). Gofynnwch i'r gwasanaeth wirio ei dystysgrif, neu i'ch tîm TG osod awdurdod tystysgrifau eich sefydliad.
error-service_refused = { $reason ->
    [unauthenticated] Wnaeth y gwasanaeth ddim adnabod y gliniadur hwn. Cysylltwch eto gyda chod gwahodd newydd.
    [forbidden] Dydy'r gwasanaeth ddim yn gadael i'r gliniadur hwn rannu bellach. Gofynnwch i'ch gwasanaeth am god gwahodd newydd.
    [gone] Mae'r cod gwahodd yna wedi cael ei ddefnyddio'n barod neu wedi dod i ben. Gofynnwch i'ch gwasanaeth am un newydd.
    [conflict] Mae'r gliniadur hwn wedi'i gysylltu â'r gwasanaeth yn barod.
    [too_large] Mae hynny'n rhy fawr i'r gwasanaeth ei gymryd. Rhannwch lai ar y tro.
    [rate_limited] Mae'r gwasanaeth yn brysur. Bydd eich pethau'n aros yn y blwch allan ac yn cael eu hanfon yn nes ymlaen.
    [internal] Cafodd y gwasanaeth broblem. Bydd eich pethau'n aros yn y blwch allan ac yn cael eu hanfon yn nes ymlaen.
   *[other] Gwrthododd y gwasanaeth hyn. Bydd eich pethau'n aros yn y blwch allan; os yw'n dal i ddigwydd, dywedwch wrth eich gwasanaeth.
}
error-malformed = Doedd dim modd darllen rhywbeth gan y gwasanaeth. Efallai ei fod wedi'i ddifrodi.
error-cannot_open = Doedd dim modd agor rhywbeth gan y gwasanaeth: cafodd ei newid, mae wedi'i ddifrodi, neu doedd e ddim wedi'i fwriadu ar gyfer y gliniadur hwn.
error-bad_signature = Cafodd rhywbeth gan y gwasanaeth ei wrthod, oherwydd dydy ei lofnod ddim yn cyfateb.
error-key_mismatch = Dydy allweddi'r gwasanaeth ddim yn cyfateb i'r rhai yn eich cod gwahodd, felly wnaeth y gliniadur hwn ddim cysylltu. Gofynnwch i'ch gwasanaeth am god gwahodd newydd.
error-bad_invite = { $problem ->
    [not_an_invite] Dydy hwnna ddim yn god gwahodd Waymark. Mae cod gwahodd yn dechrau gyda wm1-.
    [not_https] Mae'r cod gwahodd yna ar gyfer cyfeiriad gwasanaeth sydd ddim yn ddiogel, felly fydd Waymark ddim yn ei ddefnyddio. Gofynnwch i'ch gwasanaeth am un newydd.
   *[damaged] Mae'r cod gwahodd yna wedi'i ddifrodi. Gwiriwch ei fod wedi'i gopïo'n gyfan, o wm1- i'r diwedd.
}
error-invite_expired = Mae'r cod gwahodd yna wedi dod i ben. Gofynnwch i'ch gwasanaeth am un newydd.
error-receipt_key_expired = Atebodd y gwasanaeth, ond doedd dim modd ymddiried yn ei dderbynneb: mae'r allwedd mae'n llofnodi derbynebau â hi wedi dod i ben. Bydd Waymark yn gofyn eto. Os yw hyn yn dal i ddigwydd, dywedwch wrth eich gwasanaeth.
error-mail_refused = Cafodd rhywbeth gan y gwasanaeth ei wrthod, oherwydd nad oedd modd gwirio ei fod wedi dod gan eich gwasanaeth chi.
error-roster_refused = { $problem ->
    [forked] Dangosodd eich gwasanaeth restr o'i bobl i'r gliniadur hwn sy'n wahanol i'r un a ddangosodd o'r blaen, felly does dim byd newydd ganddo'n cael ei drystio. Dywedwch wrth eich gweithiwr.
    [rolled_back] Dangosodd eich gwasanaeth restr o'i bobl i'r gliniadur hwn sy'n hŷn na'r un o'r blaen, felly does dim byd newydd ganddo'n cael ei drystio. Dywedwch wrth eich gweithiwr.
    [held_back] Mae gan rywun yn eich gwasanaeth restr fwy newydd o'i bobl nag y mae eich gwasanaeth yn ei dangos i'r gliniadur hwn, felly efallai ei fod yn cadw newidiadau oddi wrthych chi. Dywedwch wrth eich gweithiwr.
   *[other] Doedd dim modd gwirio bod rhestr eich gwasanaeth o'i bobl yn dod gan eich sefydliad, felly does dim byd newydd ganddo'n cael ei drystio. Dywedwch wrth eich gweithiwr.
}

## Beth gafodd ei wrthod, a pham
# Mae gwrthodiad `invalid` yn `invalid-<problem>`, gydag enw'r hyn y mae'n ymwneud ag ef (un o'r
# negeseuon field-* isod) yn $field. $given yw'r hyn a anfonwyd, wedi'i ddangos yn ôl fel bod modd dod o hyd iddo.
error-too_long = { $field }: mae hwn yn rhy hir. Gall gynnwys { $max } nod ar y mwyaf, ac mae'n cynnwys { $actual }.
invalid-empty = { $field }: does dim modd gadael hwn yn wag.
invalid-control_characters = { $field }: mae yma nodau nad oes modd eu dangos.
invalid-one_line = { $field }: rhaid i hwn fod ar un llinell.
invalid-too_many_items = { $field }: gall hwn gynnwys { $max } eitem ar y mwyaf.
invalid-not_a_date = { $field }: dydy '{ $given }' ddim yn ddyddiad. Ysgrifennwch y dyddiad fel hyn: 2026-11-23.
invalid-not_known = { $field }: dydy Waymark ddim yn adnabod '{ $given }'.
invalid-not_an_id = { $field }: dydy '{ $given }' ddim yn ID a gafodd ei greu gan Waymark.
invalid-between = { $field }: dewiswch rif o { $min } i { $max }.
invalid-at_least = { $field }: rhaid i hwn fod yn { $min } neu'n fwy.
invalid-twice = { $field }: mae '{ $given }' yma ddwywaith.
invalid-only_characters = { $field }: defnyddiwch y nodau hyn yn unig: { $allowed }.
invalid-has_space = { $field }: mae bwlch yn '{ $given }'. Cysylltwch y geiriau gyda '-'.
invalid-wrong_role = { $field }: { $role ->
    [carer] mae hwn yn perthyn i broffil gofalwr maeth.
   *[young_person] mae hwn yn perthyn i broffil person ifanc.
}
invalid-not_a = { $field }: { $expected ->
    [statement] dydy hwnna ddim yn rhywbeth a ysgrifennoch chi i'w ddweud.
    [pathway_note] dydy hwnna ddim yn nodyn llwybr.
    [resource_mark] dydy hwnna ddim yn nod tudalen.
    [plan] dydy hwnna ddim yn gynllun.
    [safer_caring_policy] dydy hwnna ddim yn bolisi gofal mwy diogel.
    [learning_entry] dydy hwnna ddim yn eitem yn y cofnod dysgu.
   *[other] nid hwnna yw'r math iawn o gofnod.
}
invalid-unreadable = { $field }: doedd dim modd darllen hwn.
invalid-unchangeable = { $field }: mae hwn yn cael ei gadw yn union fel y cafodd ei ysgrifennu, felly does dim modd ei newid.
invalid-only_draft_changes = { $field }: dim ond drafft sy'n gallu cael ei newid. Newidiwch e'n ôl i fod yn ddrafft yn gyntaf.
invalid-not_ready = { $field }: marciwch e'n barod cyn ei rannu.
invalid-nothing_written = { $field }: does dim byd wedi'i ysgrifennu eto. Atebwch o leiaf un cwestiwn neu ysgrifennwch rywbeth yn gyntaf.
invalid-starts_with_draft = { $field }: rhaid i hwn ddechrau fel drafft.
invalid-backwards = { $field }: rhaid i'r dyddiadau beidio â mynd am yn ôl.
invalid-needs_question_set = { $field }: mae angen y cwestiynau er mwyn paratoi ar gyfer adolygiad.
invalid-questions_only_for_review = { $field }: dim ond paratoi ar gyfer adolygiad sydd â chwestiynau. Ysgrifennwch yn eich geiriau eich hun yn lle hynny.
invalid-unknown_question_set = { $field }: dydy'r fersiwn hon o Waymark ddim yn adnabod y cwestiynau '{ $given }' (fersiwn { $version }). Diweddarwch Waymark.
invalid-no_such_question = { $field }: does dim cwestiwn o'r enw '{ $given }'.
invalid-not_faces = { $field }: dydy'r cwestiwn '{ $given }' ddim yn cael ei ateb gydag wynebau.
invalid-not_a_choice = { $field }: dydy '{ $given }' ddim yn un o'r dewisiadau.
invalid-not_shareable = { $field }: does dim modd rhannu'r math hwn o gofnod.
invalid-needs_letters = { $field }: mae angen rhai llythrennau neu rifau yma.
invalid-too_many_files = { $field }: mae gormod o ffeiliau o'r enw '{ $given }' yn barod. Symudwch neu dilëwch rai, yna rhowch gynnig arall arni.
invalid-needs_pathway_matter = { $field }: mae angen i '{ $given }' fod am ran o'r cynllun llwybr.
invalid-not_after_last_review = { $field }: rhaid i hwn fod ar ôl yr adolygiad diwethaf.
invalid-needs_plan = { $field }: mae angen y cynllun y mae hwn yn perthyn iddo.
invalid-not_newer = { $field }: dydy fersiwn { $version } ddim yn fwy newydd na fersiwn { $latest }, sydd yma'n barod.
invalid-links_missing = { $field }: mae '{ $given }' yn rhoi dolen i '{ $target }', sydd ddim yn y llyfrgell.
invalid-section_empty = { $field }: yn '{ $given }', does dim byd o dan yr adran '{ $heading }'.
invalid-wrong_format = { $field }: ffeil '{ $given }' yw hon, nid un y mae Waymark yn ei darllen.
invalid-not_signed = { $field }: cafodd hyn ei wrthod, oherwydd nad yw'n llyfrgell Waymark wedi'i llofnodi. Mae'r llyfrgell sydd gennych chi wedi'i chadw.
invalid-needs_passphrase = { $field }: i gysylltu â rhywle arall, dywedwch eich cyfrinymadrodd eto.
invalid-bad_signature = { $field }: cafodd hyn ei wrthod, oherwydd nad yw ei lofnod yn cyfateb i allwedd eich gwasanaeth. Mae'r llyfrgell sydd gennych chi wedi'i chadw.
invalid-expired = { $field }: cafodd hyn ei wrthod, oherwydd bod y dyddiad a roddodd ei gyhoeddwr iddo wedi mynd heibio. Mae'r llyfrgell sydd gennych chi wedi'i chadw.
invalid-lasts_too_long = { $field }: cafodd hyn ei wrthod, oherwydd ei fod yn dweud ei fod yn para mwy na { $days } diwrnod. Mae'r llyfrgell sydd gennych chi wedi'i chadw.
invalid-no_original = { $field }: mae '{ $given }' yn gyfieithiad o dudalen sydd ddim yn y llyfrgell.

## Gwrthodiadau eraill
error-not_found = { $thing ->
    [resource] Does dim tudalen o'r enw '{ $given }'.
    [plan_version] Does dim fersiwn { $given } o'r cynllun yna.
   *[record] Doedd dim modd dod o hyd i hwnna (ID { $given }). Efallai ei fod wedi cael ei ddileu.
}
error-unknown_kind = Dydy '{ $given }' ddim yn fath o gofnod y mae Waymark yn ei adnabod.
error-invalid_transition = Does dim modd gwneud y newid yna i hwn nawr. Gallwch chi farcio drafft yn barod, a newid un parod yn ôl yn ddrafft neu ei rannu.
error-no_consent = { $kind ->
    [statement] Dydych chi ddim wedi dweud ie i rannu'r hyn rydych chi'n ei ysgrifennu i'w ddweud gyda { $recipient }, felly chafodd e ddim ei anfon.
    [pathway_note] Dydych chi ddim wedi dweud ie i rannu eich nodiadau llwybr gyda { $recipient }, felly chafodd e ddim ei anfon.
    [safer_caring_policy] Dydych chi ddim wedi dweud ie i rannu eich polisi gofal mwy diogel gyda { $recipient }, felly chafodd e ddim ei anfon.
   *[learning_entry] Dydych chi ddim wedi dweud ie i rannu eich cofnod dysgu gyda { $recipient }, felly chafodd e ddim ei anfon.
}
error-unsupported_version = { $what ->
    [export] Cafodd y ffeil hon ei chadw gan fersiwn fwy newydd o Waymark
    [settings] Cafodd y gosodiadau hyn eu cadw gan fersiwn fwy newydd o Waymark
    [vault] Cafodd data Waymark y gliniadur hwn ei gadw gan fersiwn fwy newydd o Waymark
    [key_wrap] Cafodd allweddi'r proffil hwn eu cadw gan fersiwn fwy newydd o Waymark
    [service_connection] Cafodd y cysylltiad hwn â'r gwasanaeth ei gadw gan fersiwn fwy newydd o Waymark
    [library_bundle] Cafodd y llyfrgell hon ei gwneud ar gyfer fersiwn fwy newydd o Waymark
    [invite] Cafodd y cod gwahodd hwn ei wneud ar gyfer fersiwn fwy newydd o Waymark
    [mail] Cafodd rhywbeth gan y gwasanaeth ei wneud ar gyfer fersiwn fwy newydd o Waymark
    [envelope] Cafodd rhywbeth a anfonwyd drwy'r gwasanaeth ei wneud gan fersiwn fwy newydd o Waymark
    [deletion_receipt] Cafodd derbynneb y gwasanaeth am ddileu ei gwneud ar gyfer fersiwn fwy newydd o Waymark
   *[other] Cafodd hwn ei wneud gan fersiwn fwy newydd o Waymark
} (fformat { $found }; mae'r fersiwn hon o Waymark yn darllen hyd at { $supported }). Diweddarwch Waymark.
error-malformed_import = Doedd dim modd darllen y ffeil hon fel ffeil allforio Waymark: { $problem ->
    [too_big] mae'n { $megabytes } MB, a'r mwyaf y mae Waymark yn ei ddarllen yw { $max_megabytes } MB.
    [not_json] dydy hi ddim yn ffeil a gafodd ei chadw gan Waymark.
    [not_an_export] dydy hi ddim yn ffeil allforio Waymark.
    [no_version] dydy hi ddim yn dweud pa fersiwn o Waymark a'i chadwodd.
    [too_many_records] mae ynddi fwy na { $max } cofnod.
    [bad_record] mae cofnod { $number } wedi'i ddifrodi.
    [repeated_id] mae cofnod { $number } yno ddwywaith.
   *[unreadable] mae rhan ohoni wedi'i difrodi.
}
error-no_policy = Ysgrifennwch rywfaint o'ch polisi yn gyntaf.

## Enwau'r pethau y gall gwrthodiad ymwneud â nhw
field-name = Enw
field-passphrase = Cyfrinymadrodd
field-new_passphrase = Cyfrinymadrodd newydd
field-recovery_code = Cod adfer
field-role = Rôl
field-language = Iaith
field-profile = Proffil
field-kind = Math o gofnod
field-record = Cofnod
field-settings = Gosodiadau
field-lock_after = Cloi ar ôl (munudau)
field-file_name = Enw'r ffeil
field-statement_kind = Math o neges
field-status = Statws
field-statement = Yr hyn ysgrifennoch chi
field-status_history = Hanes y statws
field-answers = Atebion
field-answer = Ateb
field-question_set = Cwestiynau
field-face = Wyneb
field-choice = Dewis
field-words = Eich geiriau chi
field-title = Teitl
field-summary = Crynodeb
field-body = Testun
field-resource_id = ID tudalen
field-tags = Tagiau
field-tag = Tag
field-last_reviewed = Wedi'i wirio ddiwethaf
field-source = Ffynhonnell
field-library_bundle = Llyfrgell
field-resource = Tudalen
field-library_update = Diweddariad y llyfrgell
field-plan_title = Teitl y cynllun
field-plan_summary = Crynodeb y cynllun
field-plan_version = Fersiwn y cynllun
field-goal_id = ID nod
field-goal = Nod
field-action_id = ID cam gweithredu
field-action = Cam gweithredu
field-who_does_it = Pwy sy'n ei wneud
field-due_date = Erbyn pryd
field-goals = Nodau
field-actions = Camau gweithredu
field-note = Nodyn
field-progress = Cynnydd
field-date = Dyddiad
field-time = Amser (munudau)
field-household_name = Enw'r aelwyd
field-sections = Adrannau'r polisi
field-next_review = Adolygiad nesaf
field-effective_from = Yn dechrau ar
field-reviewed_on = Wedi'i adolygu ar
field-recipient = Ar gyfer pwy mae e
field-sequence = Dilyniant
field-receipt = Derbynneb
field-search = Chwilio
field-service_name = Enw'r gwasanaeth
field-by = Gan bwy y daeth
field-notes = Nodiadau
field-version = Fersiwn
field-invite_code = Cod gwahodd
field-question = Cwestiwn
field-id = ID
field-device_code = Cod o'u ap
# Ap y gweithwyr
error-item_refused = Wnaeth yr eitem hon ddim pasio gwiriadau Waymark pan gyrhaeddodd, felly does dim modd ei hateb.
error-not_approved = Dydy'r gliniadur hwn ddim wedi'i gymeradwyo eto: does dim modd anfon dim byd ohono. Darllenwch y cod ar "Y gliniadur hwn" i'ch gweinyddwr.
error-no_device_for_person = Does gan y person hwn ddim dyfais wedi'i chymeradwyo ar hyn o bryd, felly all dim byd eu cyrraedd. Rhowch gynnig arall arni nes ymlaen.
error-no_font = Does dim modd ysgrifennu'r cofnod achos: mae'r ffont mae'n ei ddefnyddio ar goll o'r gliniadur hwn (edrychwyd yn { $looked }). Gofynnwch i bwy bynnag sy'n gofalu am y gliniadur hwn ailosod Waymark i Weithwyr.
error-case_record_failed = Doedd dim modd ysgrifennu'r cofnod achos. Chafodd dim byd ei gadw; rhowch gynnig arall arni.
error-not_their_worker = Dim ond gweithiwr y mae'r sefydliad wedi'i ddyrannu i'r person hwn sy'n gallu cyhoeddi eu cynllun. Chafodd dim byd ei anfon.
error-not_on_duty = Mae eitemau brys y tîm ar gyfer gweithwyr ar y rota dyletswydd.
error-laptop_not_connected = Gosodwch y gliniadur hwn yn gyntaf, ar "Y gliniadur hwn".
error-not_admin = Dim ond gweithiwr y mae'r sefydliad wedi'i wneud yn weinyddwr sy'n gallu gwneud hyn. Chafodd dim byd ei newid.
error-not_allocated = Dim ond gweithiwr y person hwn neu weinyddwr sy'n gallu gweld neu gymeradwyo eu dyfeisiau.
error-code_does_not_match = Dydy'r cod yna ddim yn cyfateb i'r ddyfais hon. Gofynnwch iddyn nhw ddarllen yn uchel eto y cod y mae eu ap yn ei ddangos, a pheidiwch â chymeradwyo dim byd nes ei fod yn cyfateb.
error-device_not_enrolled = Dydy'r ddyfais yna ddim wedi cysylltu gyda gwahoddiad y person hwn, neu mae hi wedi'i diffodd yn barod.
error-not_in_roster = Dydy'r person neu'r gweithiwr yna ddim ar restr y sefydliad. Gwiriwch am eitemau newydd a rhowch gynnig arall arni.
error-invite_days = Mae cod gwahodd yn para o 1 i { $most } diwrnod.
error-not_yourself = Allwch chi ddim tynnu'ch hun. Gofynnwch i weinyddwr arall.
error-vault_changed = Chafodd dim byd ei anfon. Cafodd rhywbeth sy'n cael ei gadw ar y gliniadur hwn ei newid tra oedd Waymark ar gau, felly all Waymark ddim bod yn siŵr beth ddywedoch chi ie i'w rannu.

## What the whole-vault check found changed, part by part: shown by both apps and printed by the command line
vault-part-state = rhestr Waymark ei hun o'r hyn rydych chi'n ei gadw (mae ar goll neu dydy hi ddim yn agor, felly doedd dim modd gwirio dim byd)
vault-part-consent = eich dewisiadau am rannu
vault-part-sharing = y rhestr o'r hyn rydych chi wedi'i rannu
vault-part-outbox = pethau sy'n aros i gael eu hanfon
vault-part-deletions = pethau y gofynnoch chi i'r gwasanaeth eu dileu
vault-part-connection = eich cysylltiad â'r gwasanaeth
vault-part-roster = pwy sy'n gweithio yn y gwasanaeth
vault-part-shared-with-me = beth mae pobl wedi'i rannu gyda chi
vault-part-labels = yr enwau rydych chi wedi'u rhoi i bobl
vault-part-plans = cynlluniau rydych chi wedi'u cyhoeddi
vault-part-audit = cofnod y gliniadur hwn o'r hyn wnaethoch chi
vault-part-records = pethau rydych chi wedi'u hysgrifennu neu eu cadw
vault-part-profile = enw, rôl neu iaith eich proffil
