# Y sgrin gychwyn (agor, creu neu adfer proffil), y cod adfer, y mesurydd cryfder cyfrinymadrodd a'r Gosodiadau.

## Cychwyn: dewis ac agor proffil
start-choose-profile-first = Dewiswch eich proffil yn gyntaf.
start-who-are-you = Pwy ydych chi?
# Ar ôl enw proffil yn y rhestr; $role yw "Person ifanc" neu "Gofalwr maeth".
start-profile-role = ({ $role })
start-passphrase-hint = O leiaf 10 nod. Mae tri gair ar hap yn hawdd i'w cofio ac yn anodd eu dyfalu.
start-suggest = Awgrymu tri gair
start-show-typed = Dangos beth rydw i wedi'i deipio
start-unlock-heading = Agor eich proffil
start-passphrase = Cyfrinymadrodd
start-opening = Wrthi'n agor…
start-open = Agor
start-forgot = Rydw i wedi anghofio fy nghyfrinymadrodd
start-make-new = Creu proffil newydd

## Cychwyn: mynd yn ôl i mewn gyda chod adfer
start-recover-heading = Mynd yn ôl i mewn gyda'ch cod adfer
# Daw cod enghreifftiol ar ôl hwn, "7K2M-QX9D-…".
start-recover-intro = Eich cod adfer yw'r un wnaethoch chi ei argraffu neu ei gadw pan wnaethoch chi greu eich proffil. Mae'n edrych fel hyn:
start-recovery-code = Cod adfer
start-new-passphrase = Cyfrinymadrodd newydd
start-checking = Wrthi'n gwirio…
start-set-new-passphrase = Gosod fy nghyfrinymadrodd newydd
start-restore-link = Dod â chopi wedi'i gloi yn ôl
start-restore-heading = Dod â chopi wedi'i gloi yn ôl
start-restore-intro = Os gwnaethoch chi gadw copi wedi'i gloi o'ch proffil (yn Rhannu a phreifatrwydd), gallwch chi ddod ag ef yn ôl yma, ar y gliniadur hwn neu un newydd. Mae'n dod yn ôl fel proffil newydd gyda phopeth oedd yn y copi.
start-restore-file = Y copi wedi'i gloi (ffeil sy'n gorffen gyda .waymark)
start-restore-passphrase = Y cyfrinymadrodd oedd gennych chi pan wnaethoch chi ei gadw
start-restore-name = Enw iddo yma (dewisol)
start-restore-name-hint = Mae angen hwn dim ond os oes proffil yma'n barod gyda'r enw sydd yn y copi.
start-restore = Dod ag ef yn ôl
start-restore-back = Yn ôl
start-back-to-unlock = Yn ôl i agor proffil

## Cychwyn: creu proffil
start-create-heading = Creu eich proffil
start-your-name = Eich enw
# Y cwestiwn y mae'r ddau ddewis nesaf yn ei orffen: "Rydw i'n" "berson ifanc" / "ofalwr maeth" (treiglad meddal ar ôl 'n).
start-i-am = Rydw i'n
start-role-young-person = berson ifanc
start-role-carer = ofalwr maeth
start-making = Wrthi'n creu…
start-make-my-profile = Creu fy mhroffil

## Y cod adfer, sy'n cael ei ddangos unwaith
recovery-heading = Eich cod adfer
recovery-only-way = Os byddwch chi'n anghofio eich cyfrinymadrodd, y cod hwn yw'r unig ffordd yn ôl i mewn. Does gan neb arall gopi, dim hyd yn oed ni.
recovery-keep-safe = Argraffwch y cod neu ei gadw fel ffeil, yna cadwch e'n rhywle diogel. Dim ond y tro hwn y byddwn ni'n ei ddangos.
recovery-print = Ei argraffu
recovery-save = Ei gadw fel ffeil
# $path yw lle cafodd y ffeil ei chadw.
recovery-save-warning = Gall unrhyw un sy'n dod o hyd i'r ffeil hon ddefnyddio'r cod i agor eich proffil. Mae'n well argraffu'r cod a chadw'r papur mewn lle diogel. Os byddwch chi'n ei chadw, fydd ei henw ddim yn dweud beth yw hi: symudwch hi i rywle dim ond chi all ei gyrraedd, fel cof bach USB rydych chi'n ei gadw'n ddiogel, a pheidiwch â'i gadael ar liniadur mae pobl eraill yn ei ddefnyddio.
recovery-save-anyway = Cadw'r ffeil
recovery-saved = Wedi'i gadw yn { $path }
recovery-check-label = I wirio bod y cod gennych chi, teipiwch y pedwar nod olaf o'ch cod
recovery-kept = Rydw i wedi'i gadw'n ddiogel
recovery-not-end = Nid dyna ddiwedd eich cod. Teipiwch y pedwar nod olaf: y rhai ar ôl y llinell fer (-) olaf.

## Pa mor anodd yw dyfalu cyfrinymadrodd newydd
# Daw'r lefel mewn print trwm ar ôl hwn, e.e. "Cryfder: Da".
strength-label = Cryfder:
strength-too-weak = Rhy hawdd ei ddyfalu
strength-okay = Iawn
strength-good = Da
strength-strong = Cryf

## Gosodiadau
settings-heading = Gosodiadau
settings-saved = Wedi'i gadw
settings-text-size = Maint y testun
settings-text-standard = Safonol
settings-text-large = Mawr
settings-text-larger = Mwy
settings-dyslexia-font = Llythrennau haws eu darllen (ffont plaen gyda mwy o le rhwng llythrennau a llinellau)
settings-high-contrast = Cyferbyniad uchel
settings-idle-label = Cloi Waymark ar ôl hyn a hyn o funudau heb i ddim byd ddigwydd (1 i 60)
settings-idle-invalid = Cloi ar ôl: dewiswch nifer cyfan o funudau rhwng 1 a 60.
settings-save = Cadw
settings-passphrase-intro = Mae popeth rydych chi'n ei gadw yn cael ei gloi eto gydag allwedd newydd, felly bydd yr hen gyfrinymadrodd a'ch hen god adfer yn stopio gweithio, hyd yn oed ar gopi o ffolder Waymark. Byddwch chi'n cael cod adfer newydd.
settings-resealing = Wrthi'n cloi eich cofnodion eto gydag allwedd newydd
settings-passphrase-heading = Newid fy nghyfrinymadrodd
settings-passphrases-differ = Dydy'r ddau gyfrinymadrodd newydd ddim yr un fath. Teipiwch nhw eto.
settings-passphrase-changed = Mae eich cyfrinymadrodd wedi newid. Defnyddiwch yr un newydd y tro nesaf. Mae eich cod adfer wedi newid hefyd: ysgrifennwch yr un newydd nawr.
settings-passphrase-now = Cyfrinymadrodd presennol
settings-new-passphrase = Cyfrinymadrodd newydd
settings-new-passphrase-again = Cyfrinymadrodd newydd eto
settings-change-passphrase = Newid cyfrinymadrodd
settings-recovery-heading = Fy nghod adfer
settings-recovery-intro = Wedi colli eich cod adfer, neu heb ei gadw? Crëwch un newydd. Bydd yr hen un yn stopio gweithio ar unwaith.
settings-your-passphrase = Eich cyfrinymadrodd
settings-new-recovery-code = Creu cod adfer newydd

## Dewis iaith: ar y sgrin gychwyn (yn y ddwy iaith, fel bod y naill ddarllenydd neu'r llall yn ei weld) ac yn y Gosodiadau
start-language = Iaith · Language
settings-language = Iaith
# Sut mae cod adfer yn edrych (yr un peth ym mhob iaith)
start-recovery-code-sample = 7K2M-QX9D-…

# Rheswm y mesurydd dros wrthod cyfrinymadrodd (ar ôl "Cryfder: Rhy hawdd ei ddyfalu")
strength-problem = { $problem ->
    [too_short] : defnyddiwch o leiaf 10 nod. Mae tri gair ar hap yn gweithio'n dda.
    [repetitive] : mae'n ailadrodd yr un ychydig lythrennau. Rhowch gynnig ar dri gair ar hap.
    [common] : '{ $word }' yw'r rhan fwyaf ohono, sef un o'r pethau cyntaf y mae pobl yn eu dyfalu.
   *[untypable] : mae ynddo nodau na all bysellfwrdd eu teipio, felly fyddech chi ddim yn gallu ei deipio eto.
}

## What the check at unlock found, when Waymark's folder was changed while it was closed
vault-check-heading = Cafodd rhywbeth yma ei newid tra oedd Waymark ar gau
vault-check-intro = Bob tro rydych chi'n agor Waymark, mae'n gwirio bod yr hyn mae'n ei gadw ar y gliniadur hwn fel y gwnaethoch chi ei adael. Y tro hwn, daeth o hyd i newid na wnaeth e ei hun, yn:
vault-check-still-here = Mae popeth sy'n dal i agor yma. Efallai fod rhywun sy'n gallu defnyddio'r gliniadur hwn wedi'i newid, neu efallai fod y ddisg yn methu. Os ydych chi'n poeni, dywedwch wrth rywun rydych chi'n ymddiried ynddo.
vault-check-nothing-sent = Fydd dim byd yn cael ei anfon nes i chi ddewis beth i'w wneud, achos all Waymark ddim bod yn siŵr beth ddywedoch chi ie i'w rannu.
vault-check-choose = Beth hoffech chi ei wneud?
vault-check-keep = Cadw beth sy'n agor
vault-check-keep-consent = Bydd Waymark yn cadw popeth sy'n agor ac yn ei wirio o hyn ymlaen. Bydd pob ie a roesoch chi i rannu yn dod i ben, a bydd y gwasanaeth yn cael cais i ddileu beth mae'n ei gadw. Gallwch chi ddweud ie eto yn Rhannu a phreifatrwydd.
vault-check-keep-plain = Bydd Waymark yn cadw popeth sy'n agor ac yn ei wirio o hyn ymlaen. Bydd eich dewisiadau am rannu yn aros fel maen nhw.
vault-check-look = Edrych yn gyntaf
vault-check-look-words = Gweld beth sydd yma, a lawrlwytho eich holl wybodaeth o'r sgrin Rhannu a phreifatrwydd os ydych chi eisiau copi. Gallwch chi hefyd ddileu'r proffil hwn a dechrau eto yno. Does dim byd yn cael ei anfon yn y cyfamser.
vault-check-banner = Daeth Waymark o hyd i newid na wnaeth e ei hun. Fydd dim byd yn cael ei anfon nes i chi ddewis beth i'w wneud.
vault-check-choose-now = Dewis nawr
vault-check-look-words-worker = Gweld beth sydd yma cyn i chi ddewis. Does dim byd yn cael ei anfon yn y cyfamser. Os ydych chi'n meddwl bod rhywun wedi newid y gliniadur hwn, dywedwch wrth eich rheolwr neu'ch tîm TG.
