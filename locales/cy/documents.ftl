# Y dogfennau y mae Waymark yn eu cadw pan fydd person yn gofyn: beth maen nhw'n ei ddweud a'u henwau.

## Y cod adfer, wedi'i gadw fel ffeil destun
recovery-document-name = Cod adfer Waymark - { $name }
recovery-document =
    Cod adfer Waymark ar gyfer { $name }

    { $code }

    Os byddwch chi'n anghofio eich cyfrinymadrodd, mae'r cod hwn yn agor eich proffil.
    Cadwch ef yn rhywle diogel, i ffwrdd o'r gliniadur hwn. Gall unrhyw un sydd â'r cod a'r gliniadur hwn agor eich proffil.
