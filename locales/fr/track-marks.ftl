## Section: En-tête

title = Que sont les marques d’injection ? Reconnaissance, causes et soins
summary = Ce que sont les marques d’injection, comment elles se forment et à quoi elles ressemblent, les risques pour la santé liés à l’injection de drogues, comment soigner les plaies d’injection et où trouver de l’aide.

## Section: Que sont les marques d’injection ? (suite)

intro-para-1 = Les marques d’injection sont des plaies par piqûre d’aiguille causées par l’injection de substances. Elles peuvent apparaître sur toute partie du corps utilisée pour s’injecter des drogues, comme les bras, les jambes ou l’aine. Repérer des marques d’injection chez une personne peut être un signe d’usage de substances. Il existe un soutien professionnel pour soigner les marques d’injection et réduire l’usage de drogues par voie intraveineuse.

## Section: Points à retenir

key-takeaways-heading = Points à retenir
key-takeaways-item-1 = Les marques d’injection sont de petites plaies causées par l’insertion d’aiguilles dans la peau pour s’administrer des drogues.
key-takeaways-item-2 = L’injection de drogues peut entraîner de nombreux risques pour la santé, notamment des infections, des abcès, la formation de caillots sanguins et une défaillance d’organes.
key-takeaways-item-3 = Les marques d’injection peuvent guérir grâce à des soins de base des plaies. Un soutien professionnel peut aider à gérer l’usage de substances et la dépendance.
key-takeaways-image-alt-1 = photo d’une ecchymose (un bleu) formée sur la peau à la suite d’une injection

## Section: Que sont les marques d’injection de drogues ?

what-are-drug-track-marks-heading = Que sont les marques d’injection de drogues ?
what-are-drug-track-marks-para-1 = « Marques d’injection » est l’expression courante qui désigne les points d’injection liés à l’usage de drogues. Les opioïdes, comme l’héroïne, ainsi que d’autres drogues comme les amphétamines et la cocaïne, peuvent être administrés par injection intraveineuse, c’est-à-dire que la drogue est introduite directement dans une veine. Les drogues peuvent aussi être prises par ingestion (avalées), sniffées ou fumées.
what-are-drug-track-marks-para-2 = L’injection de drogues est le mode d’administration le plus dangereux, car elle peut entraîner de nombreuses conséquences graves et potentiellement mortelles. Les marques d’injection apparaissent là où la drogue a été injectée et peuvent être entourées d’ecchymoses (bleus) ou de croûtes. Elles peuvent apparaître à n’importe quel point d’injection, sur n’importe quelle partie du corps.

## Section: Comment se forment les marques d’injection

how-track-marks-form-heading = Comment se forment les marques d’injection
how-track-marks-form-para-1 = Au départ, les marques d’injection se forment à partir de la plaie par piqûre d’aiguille. Si la personne continue d’utiliser le même point d’injection, cette plaie devient de plus en plus irritée, ce qui provoque un assombrissement de la peau, des ecchymoses, des croûtes ou des cicatrices.
how-track-marks-form-para-2 = De plus, la façon dont la drogue est administrée peut influer sur la probabilité que des marques d’injection soient visibles. Par exemple :
how-track-marks-form-item-1 = <strong>Aiguilles émoussées :</strong> avec une aiguille émoussée, il peut falloir appuyer plus fort pour percer la peau.
how-track-marks-form-item-2 = <strong>Aiguilles souillées :</strong> les aiguilles souillées risquent davantage de causer une infection, ce qui peut entraîner plus de marques et de lésions.
how-track-marks-form-item-3 = <strong>Contaminants :</strong> les liquides utilisés pour dissoudre les drogues, ou même les drogues elles-mêmes, peuvent contenir des contaminants, ce qui peut augmenter le risque d’infection, d’abcès ou de cicatrices.
how-track-marks-form-item-4 = <strong>Insertion de l’aiguille :</strong> si l’aiguille manque la veine, plusieurs tentatives peuvent être nécessaires, ce qui cause de multiples plaies par piqûre. La personne peut aussi bouger l’aiguille en essayant de trouver la veine, ce qui endommage davantage la peau.

## Section: Emplacements courants des marques d’injection

common-locations-of-track-marks-heading = Emplacements courants des marques d’injection
common-locations-of-track-marks-para-1 = Le point d’injection le plus courant se trouve sur les bras, au pli du coude. Les personnes peuvent utiliser d’autres endroits si elles ont une infection, si elles veulent laisser un point d’injection guérir ou si elles veulent cacher leurs marques d’injection. D’autres emplacements de marques d’injection, moins courants mais potentiellement plus dangereux, peuvent comprendre :
common-locations-of-track-marks-item-1 = Les mains
common-locations-of-track-marks-item-2 = Entre les orteils
common-locations-of-track-marks-item-3 = L’aine
common-locations-of-track-marks-item-4 = Les jambes
common-locations-of-track-marks-item-5 = Le cou

## Section: Comment reconnaître les marques d’injection et l’usage problématique de substances

how-to-recognize-track-marks-heading = Comment reconnaître les marques d’injection et l’usage problématique de substances
how-to-recognize-track-marks-para-1 = Une personne qui présente des plaies par piqûre d’aiguille visibles, des croûtes ou des lésions, des ecchymoses ou des veines affaissées pourrait s’injecter des substances par voie intraveineuse. D’autres signes d’un usage problématique de substances peuvent comprendre des changements extrêmes d’humeur ou de comportement, des yeux injectés de sang, des pupilles en tête d’épingle (très contractées), des changements soudains de poids ou d’appétit, une hygiène personnelle négligée ainsi que des problèmes d’emploi ou d’argent.

## Section: À quoi ressemblent les marques d’injection : aspect et variabilité

what-track-marks-look-like-heading = À quoi ressemblent les marques d’injection : aspect et variabilité
what-track-marks-look-like-para-1 = L’aspect des marques d’injection peut varier d’une personne à l’autre, et elles risquent de s’aggraver avec un usage répété ou des modes d’administration nocifs.
what-track-marks-look-like-para-2 = Au début, les marques d’injection ressemblent à de petites plaies par piqûre dans la peau, avec peu de changement de couleur. Elles forment souvent des motifs, comme une ligne le long d’une veine ou un regroupement de points. Avec un usage répété, les marques d’injection deviennent plus visibles et peuvent aussi comprendre :
what-track-marks-look-like-item-1 = De petites plaies rouges ou des croûtes
what-track-marks-look-like-item-2 = Des ecchymoses autour de la plaie
what-track-marks-look-like-item-3 = Des veines assombries
what-track-marks-look-like-item-4 = Des ecchymoses ou un changement de couleur de la peau autour du membre ou de la zone
what-track-marks-look-like-item-5 = Des cicatrices laissées par des plaies ou des infections

## Section: Combien de temps durent les marques d’injection ?

how-long-do-track-marks-last-heading = Combien de temps durent les marques d’injection ?
how-long-do-track-marks-last-para-1 = Les marques d’injection peuvent guérir en quelques jours ou quelques semaines. Cela peut toutefois dépendre du nombre de fois où le point d’injection a été utilisé pour s’administrer des drogues, de la survenue ou non de complications et d’une infection, ainsi que de la propreté de l’aiguille et du point d’injection. Les ecchymoses peuvent mettre plusieurs semaines à guérir, et les cicatrices peuvent rester indéfiniment.

## Section: Risques pour la santé et complications

health-risks-and-complications-heading = Risques pour la santé et complications
health-risks-and-complications-para-1 = L’injection de drogues peut entraîner de nombreux risques pour la santé et de nombreuses complications.

## Section: Infections

# medloc-ignore: untranslated (same word in French)
infections-heading = Infections
infections-para-1 = Des aiguilles souillées, des drogues contaminées, des substances toxiques présentes dans le matériel d’injection ou une peau mal nettoyée peuvent tous augmenter le risque d’infection ou d’abcès lors de l’injection de drogues. Parmi les infections bactériennes et virales souvent associées à l’usage de drogues par voie intraveineuse, qui peuvent être mortelles en l’absence de traitement, on trouve :
infections-item-1 = L’hépatite
infections-item-2 = Le virus de l’immunodéficience humaine (VIH)
infections-item-3 = La bactériémie
infections-item-4 = La fasciite nécrosante
infections-item-5 = L’endocardite
infections-item-6 = Le tétanos
infections-item-7 = Le botulisme par blessure

## Section: Détérioration des veines

vein-damage-heading = Détérioration des veines
vein-damage-para-1 = Avec un usage répété, les veines peuvent se détériorer, ce qui peut mener à des veines affaissées. Une veine est probablement affaissée s’il est impossible d’y prélever du sang, ou si elle s’enfonce sous la peau et qu’on ne parvient plus à la localiser.

## Section: Caillots sanguins

clotting-heading = Caillots sanguins
clotting-para-1 = Une thrombose se produit lorsqu’un vaisseau sanguin est obstrué par un caillot sanguin. Utiliser une veine qui contient un caillot sanguin peut entraîner le déplacement du caillot, qui risque alors de se loger dans d’autres parties du corps, comme les poumons, ce qui peut être dangereux ou mortel.

## Section: Conséquences à long terme

long-term-consequences-heading = Conséquences à long terme
long-term-consequences-para-1 = L’usage prolongé de drogues par voie intraveineuse et les complications non traitées peuvent entraîner des conséquences à long terme sur la santé, notamment un sepsis, une gangrène, l’amputation d’un membre, une insuffisance rénale, une insuffisance cardiaque ou la mort.

## Section: Soins médicaux : comment soigner les marques d’injection

medical-care-heading = Soins médicaux : comment soigner les marques d’injection
medical-care-para-1 = La première étape pour soigner les marques d’injection consiste à ne plus utiliser l’endroit concerné pour de nouvelles injections. Les personnes qui continuent de s’injecter des substances devraient attendre qu’un point d’injection soit guéri avant de l’utiliser à nouveau, afin d’aider à prévenir l’apparition ou l’aggravation des marques d’injection et d’éviter un risque accru de complications.
medical-care-para-2 = Pour soigner les marques d’injection, il faut nettoyer régulièrement le point d’injection avec des tampons alcoolisés ou à l’eau et au savon. Certaines plaies peuvent nécessiter des pansements ou des bandages pour les protéger. Garder la peau hydratée peut aider à limiter les cicatrices.
medical-care-para-3 = Les caillots sanguins, les abcès, les infections bactériennes ou d’autres complications peuvent nécessiter une intervention chirurgicale suivie d’un traitement par médicaments.
medical-care-para-4 = Il peut être utile pour les personnes qui s’injectent des drogues d’en savoir plus sur les techniques d’injection à moindre risque, afin d’aider à réduire le risque de complications pour la santé. Utiliser des aiguilles neuves et stériles peut aider à prévenir les marques d’injection et les infections.

## Section: Faire face à la dépendance et demander de l’aide

addressing-addiction-and-seeking-help-heading = Faire face à la dépendance et demander de l’aide
addressing-addiction-and-seeking-help-para-1 = Les personnes qui s’injectent des drogues par voie intraveineuse, en particulier celles qui font face à des risques et à des complications pour leur santé, devraient demander une aide médicale.
addressing-addiction-and-seeking-help-para-2 = Un soutien professionnel peut aider à réduire et à arrêter l’usage de drogues, ce qui prévient d’autres risques pour le bien-être physique et mental, y compris le risque de décès. Différents traitements existent pour aider à prendre en charge la dépendance (trouble de l’usage de substances).
addressing-addiction-and-seeking-help-para-3 = Les personnes qui cherchent de l’aide peuvent contacter la ligne d’aide nationale de la Substance Abuse and Mental Health Services Administration (SAMHSA) au 1-800-662-HELP (4357) ou trouver un traitement à l’aide de l’<a data-l10n-name="findtreatment">outil de recherche en ligne</a>.

## Section: Questions fréquentes sur les marques d’injection

faq-heading = Questions fréquentes sur les marques d’injection

## Section: Comment soigner ou guérir les marques d’injection ?

how-can-track-marks-be-treated-question = Comment soigner ou guérir les marques d’injection ?
how-can-track-marks-be-treated-answer-1 = Les marques d’injection peuvent guérir si on cesse d’utiliser ces endroits pour s’injecter et qu’on les nettoie régulièrement. Les infections ou autres complications peuvent nécessiter des médicaments ou des pansements.

## Section: Combien de temps durent les marques d’injection ?

how-long-do-track-marks-last-2-question = Combien de temps durent les marques d’injection ?
how-long-do-track-marks-last-2-answer-1 = Les marques d’injection peuvent s’estomper en deux ou trois semaines, mais les cicatrices peuvent mettre plus de temps à s’atténuer et rester visibles pendant de nombreuses années.

## Section: Comment aider une personne qui a des marques d’injection ?

how-can-i-help-someone-who-question = Comment aider une personne qui a des marques d’injection ?
how-can-i-help-someone-who-answer-1 = Parler de l’usage de substances avec un proche peut être difficile, et il n’est pas toujours facile de savoir comment aborder le sujet. Vous pourriez :
how-can-i-help-someone-who-answer-2 = Lui faire part de votre inquiétude au sujet de son usage de substances et lui offrir la possibilité d’en parler
how-can-i-help-someone-who-answer-3 = Lui offrir votre soutien pour obtenir une aide médicale en cas de complications de santé, comme des infections
how-can-i-help-someone-who-answer-4 = Lui conseiller de demander un soutien professionnel pour réduire ou arrêter son usage de substances
how-can-i-help-someone-who-answer-5 = Faire les démarches pour un traitement sans consentement si la personne est en danger
how-can-i-help-someone-who-answer-6 = Il peut être utile de demander conseil à un professionnel sur la façon de gérer votre situation particulière, car des approches différentes peuvent convenir selon les situations.

## Section: Références

resources-heading = Références
resources-ref-1 = O’Malley, G.F. et O’Malley, R. (révisé en 2022). <em>{ "Injection Drug Use" }</em>. <em>{ "MSD Manual" }</em>.
resources-ref-2 = National Harm Reduction Coalition. (2024). <em>{ "Getting Off: The Basics of Safer Injection" }</em>. <em>{ "Harm Reduction" }</em>.
# medloc-ignore: sentence-count-mismatch (a lowercase "(mis à jour" after the organisation name is not a new sentence)
resources-ref-3 = Minnesota Department of Health. (mis à jour en 2022). <em>{ "Opioids and Injection Drug Use" }</em>.
resources-ref-4 = National Harm Reduction Coalition. (2024). <em>{ "Potential Health Complications of Injection Drug Use" }</em>. <em>{ "Harm Reduction" }</em>.
resources-ref-5 = Robertson, R., Broers, B. et Harris, M. (2021). <em>{ "Injecting Drug Use, the Skin and Vasculature" }</em>. <em>{ "Addiction (Abingdon, England)" }</em>, 116(7), 1914–1924.
resources-ref-6 = Karimi, M., Ghaheri, H., Assari, S., Ahmadi, K., Moghani Lankarani, M., Moghani Lankarani, R., Narenjiha, H., Rafiey, H., Tavakoli, M. et Jafari, F. (2014). <em>{ "Drug Injection to Sites Other than Arm: A Study of Iranian Heroin Injectors" }</em>. <em>{ "Frontiers in Psychiatry" }</em>, 5, 23.
resources-ref-7 = Delaney, F.T., Stanley, E. et Bolster, F. (2020). <em>{ "The Needle and the Damage Done: Musculoskeletal and Vascular Complications Associated with Injected Drug Use" }</em>. <em>{ "Insights Into Imaging" }</em>, 11(1), 98.
