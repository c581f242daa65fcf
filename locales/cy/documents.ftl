# Y dogfennau y mae Waymark yn eu cadw pan fydd person yn gofyn: beth maen nhw'n ei ddweud a'u henwau.

## Y cod adfer, wedi'i gadw fel ffeil destun
recovery-document-name = Cod adfer Waymark - { $name }
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
