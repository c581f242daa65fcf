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

## Rhannu gyda'r gwasanaeth
error-no_invite = Gludwch eich cod gwahodd a'i wirio yn gyntaf.
error-not_connected = Cysylltwch â'ch gwasanaeth yn gyntaf, yn Rhannu a phreifatrwydd.
error-unreachable = Doedd dim modd cyrraedd y gwasanaeth. Mae eich pethau'n aros yn y blwch anfon a byddan nhw'n cael eu hanfon nes ymlaen.
error-untrusted_certificate = Wnaeth cyfeiriad y gwasanaeth ddim profi pwy ydyw (dydy'r gliniadur hwn ddim yn ymddiried yn ei dystysgrif ddiogelwch). Gofynnwch i'r gwasanaeth wirio ei dystysgrif, neu i'ch tîm TG osod awdurdod tystysgrifau eich sefydliad.
error-mail_refused = Cafodd rhywbeth gan y gwasanaeth ei wrthod, oherwydd nad oedd modd gwirio ei fod wedi dod gan eich gwasanaeth chi.
