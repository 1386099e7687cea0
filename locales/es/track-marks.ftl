## Section: Front matter

title = ¿Qué son las marcas de inyección? Identificación, causas y cuidados
summary = Qué son las marcas de inyección, cómo se forman y qué aspecto tienen, los riesgos para la salud de inyectarse drogas, cómo cuidar las heridas por inyección y dónde encontrar ayuda.

## Section: What Are Track Marks? Identification, Causes, and Care (continued)

intro-para-1 = Las marcas de inyección son heridas por punción de aguja causadas por la inyección de sustancias. Pueden aparecer en cualquier parte del cuerpo que se haya usado para inyectarse drogas, como los brazos, las piernas o la ingle. Reconocer marcas de inyección en una persona puede ser un indicio de consumo de sustancias. Existe apoyo profesional para tratar las marcas de inyección y reducir el consumo de drogas por vía intravenosa.

## Section: Key takeaways

key-takeaways-heading = Puntos clave
key-takeaways-item-1 = Las marcas de inyección son pequeñas heridas causadas al introducir agujas en la piel para administrar drogas.
key-takeaways-item-2 = Inyectarse drogas puede conllevar muchos riesgos para la salud, como infecciones, abscesos, formación de coágulos e insuficiencia orgánica.
key-takeaways-item-3 = Las marcas de inyección pueden curarse con técnicas básicas de cuidado de heridas. El apoyo profesional puede ayudar a controlar el consumo de sustancias y la adicción.
key-takeaways-image-alt-1 = fotografía de un hematoma que se formó en la piel a causa de una inyección

## Section: What are drug track marks?

what-are-drug-track-marks-heading = ¿Qué son las marcas de inyección por consumo de drogas?
what-are-drug-track-marks-para-1 = “Marcas de inyección” es un término común para referirse a los sitios de inyección por consumo de drogas. Los opioides, como la heroína, y otras drogas, como las anfetaminas y la cocaína, pueden administrarse mediante inyección intravenosa, es decir, la droga se introduce directamente en una vena. Las drogas también pueden tragarse, aspirarse por la nariz o fumarse.
what-are-drug-track-marks-para-2 = Inyectarse drogas es la vía de administración más peligrosa, ya que puede tener muchas consecuencias graves y potencialmente mortales. Las marcas de inyección aparecen donde se ha inyectado la droga y pueden estar rodeadas de hematomas o costras. Pueden aparecer en cualquier sitio de inyección, en cualquier parte del cuerpo.

## Section: How track marks form

how-track-marks-form-heading = Cómo se forman las marcas de inyección
how-track-marks-form-para-1 = Al principio, las marcas de inyección se forman a partir de la herida por punción de la aguja. Si la persona sigue usando el mismo sitio, esta herida se irrita cada vez más y provoca oscurecimiento de la piel, hematomas, costras o cicatrices.
how-track-marks-form-para-2 = Además, la forma en que se administra la droga puede influir en la probabilidad de que aparezcan marcas de inyección visibles. Por ejemplo:
how-track-marks-form-item-1 = <strong>Agujas desafiladas:</strong> Una aguja desafilada puede requerir más presión para perforar la piel.
how-track-marks-form-item-2 = <strong>Agujas sucias:</strong> Las agujas sucias tienen más probabilidades de causar infecciones, lo que puede provocar más marcas y lesiones.
how-track-marks-form-item-3 = <strong>Contaminantes:</strong> Los líquidos que se usan para disolver las drogas, o incluso las propias drogas, pueden contener contaminantes, lo que puede aumentar el riesgo de infección, de absceso o de cicatrices.
how-track-marks-form-item-4 = <strong>Inserción de la aguja:</strong> Si la aguja no da con la vena, pueden ser necesarios varios intentos, lo que causa múltiples heridas por punción. O bien, la persona puede mover la aguja tratando de encontrar la vena, lo que causa un daño mayor en la piel.

## Section: Common locations of track marks

common-locations-of-track-marks-heading = Lugares frecuentes de las marcas de inyección
common-locations-of-track-marks-para-1 = El sitio de inyección más frecuente se encuentra en los brazos, en la parte interna del codo. Las personas pueden usar otros lugares si tienen una infección, si quieren que un sitio se cure o si quieren ocultar las marcas de inyección. Otros lugares donde pueden aparecer marcas de inyección, menos frecuentes pero posiblemente más peligrosos, son:
common-locations-of-track-marks-item-1 = Manos
common-locations-of-track-marks-item-2 = Entre los dedos de los pies
common-locations-of-track-marks-item-3 = Ingle
common-locations-of-track-marks-item-4 = Piernas
common-locations-of-track-marks-item-5 = Cuello

## Section: How to recognize track marks and substance misuse

how-to-recognize-track-marks-heading = Cómo reconocer las marcas de inyección y el consumo problemático de sustancias
how-to-recognize-track-marks-para-1 = Una persona con heridas por punción de aguja visibles, costras o lesiones, hematomas o venas colapsadas puede estar consumiendo sustancias por vía intravenosa. Otros signos de consumo problemático de sustancias pueden ser cambios extremos en el estado de ánimo o en el comportamiento, ojos enrojecidos, pupilas puntiformes (muy contraídas), cambios repentinos de peso o de apetito, higiene personal deficiente y problemas laborales o económicos.

## Section: What track marks look like: Appearance and variability

what-track-marks-look-like-heading = Cómo son las marcas de inyección: aspecto y variabilidad
what-track-marks-look-like-para-1 = El aspecto de las marcas de inyección puede variar de una persona a otra, y es probable que empeoren con el consumo repetido o con formas de administración dañinas.
what-track-marks-look-like-para-2 = Al principio, las marcas de inyección parecen pequeñas heridas por punción en la piel, con poco cambio de coloración. A menudo se observan formando patrones, como una línea a lo largo de una vena o un grupo de marcas. Con el consumo repetido, las marcas de inyección se vuelven más visibles y también pueden incluir:
what-track-marks-look-like-item-1 = Llagas o costras pequeñas y rojas
what-track-marks-look-like-item-2 = Hematomas alrededor de la herida
what-track-marks-look-like-item-3 = Venas oscurecidas
what-track-marks-look-like-item-4 = Hematomas o cambio de coloración de la piel alrededor de la extremidad o de la zona
what-track-marks-look-like-item-5 = Cicatrices de heridas o de infecciones

## Section: How long do track marks last?

how-long-do-track-marks-last-heading = ¿Cuánto tiempo duran las marcas de inyección?
how-long-do-track-marks-last-para-1 = Las marcas de inyección pueden curarse en unos días o semanas. Sin embargo, esto puede depender de la cantidad de veces que se haya usado el sitio para administrar drogas, de si se han producido complicaciones e infecciones, y de la limpieza de la aguja y del sitio de inyección. Los hematomas pueden tardar varias semanas en sanar, y las cicatrices podrían permanecer indefinidamente.

## Section: Health risks and complications

health-risks-and-complications-heading = Riesgos para la salud y complicaciones
health-risks-and-complications-para-1 = Inyectarse drogas puede dar lugar a numerosos riesgos y complicaciones para la salud.

## Section: Infections

infections-heading = Infecciones
infections-para-1 = Las agujas sucias, las drogas contaminadas, las sustancias tóxicas presentes en el material de inyección o la piel sin limpiar pueden aumentar el riesgo de infección o de absceso al inyectarse drogas. Algunas infecciones bacterianas y virales que suelen asociarse con el consumo de drogas por vía intravenosa y que pueden ser mortales si no se tratan son:
# medloc-ignore: untranslated (same word in Spanish)
infections-item-1 = Hepatitis
infections-item-2 = Virus de la inmunodeficiencia humana (VIH)
infections-item-3 = Bacteriemia
infections-item-4 = Fascitis necrotizante
# medloc-ignore: untranslated (same word in Spanish)
infections-item-5 = Endocarditis
infections-item-6 = Tétanos
infections-item-7 = Botulismo por heridas

## Section: Vein damage

vein-damage-heading = Daño en las venas
vein-damage-para-1 = Con el consumo repetido, las venas pueden dañarse, lo que puede dar lugar a venas colapsadas. Es probable que una vena esté colapsada si no se puede extraer sangre de ella o si se hunde y no se puede localizar.

## Section: Clotting

clotting-heading = Formación de coágulos
clotting-para-1 = La trombosis se produce cuando un vaso sanguíneo queda obstruido por un coágulo sanguíneo. Usar una vena que contiene un coágulo sanguíneo puede hacer que el coágulo se aloje en otras partes del cuerpo, como los pulmones, lo que puede ser peligroso o mortal.

## Section: Long-term consequences

long-term-consequences-heading = Consecuencias a largo plazo
long-term-consequences-para-1 = El consumo prolongado de drogas por vía intravenosa y las complicaciones no tratadas pueden tener consecuencias para la salud a largo plazo, como sepsis, gangrena, amputación de extremidades, insuficiencia renal, insuficiencia cardíaca o la muerte.

## Section: Medical care: How to heal track marks

medical-care-heading = Atención médica: cómo curar las marcas de inyección
medical-care-para-1 = El primer paso para curar las marcas de inyección es dejar de usar ese sitio para nuevas inyecciones. Las personas que siguen inyectándose sustancias deben esperar a que un sitio de inyección se cure antes de volver a usarlo, para ayudar a evitar que se formen o empeoren las marcas de inyección y para no aumentar el riesgo de complicaciones.
medical-care-para-2 = Para tratar las marcas de inyección, se debe limpiar el sitio con regularidad con toallitas con alcohol o con agua y jabón. Algunas heridas pueden necesitar apósitos o vendajes para protegerlas. Mantener la piel hidratada puede ayudar a mejorar las cicatrices.
medical-care-para-3 = Los coágulos, los abscesos, las infecciones bacterianas u otras complicaciones pueden requerir una intervención quirúrgica seguida de tratamiento con medicamentos.
medical-care-para-4 = Las personas que se inyectan drogas pueden beneficiarse de aprender más sobre técnicas de inyección más segura, para ayudar a reducir el riesgo de complicaciones de salud. Usar agujas nuevas y estériles puede ayudar a prevenir las marcas de inyección y las infecciones.

## Section: Addressing addiction and seeking help

addressing-addiction-and-seeking-help-heading = Cómo abordar la adicción y buscar ayuda
addressing-addiction-and-seeking-help-para-1 = Las personas que consumen drogas por vía intravenosa, especialmente las que presentan riesgos y complicaciones para la salud, deben buscar atención médica.
addressing-addiction-and-seeking-help-para-2 = El apoyo profesional puede ayudar a reducir y dejar el consumo de drogas, lo que previene más riesgos para el bienestar físico y mental, incluido el riesgo de muerte. Existen diversos tratamientos que ayudan a controlar el trastorno por consumo de sustancias.
addressing-addiction-and-seeking-help-para-3 = Las personas que buscan ayuda pueden comunicarse con la Línea Nacional de Ayuda de la Substance Abuse and Mental Health Services Administration (SAMHSA) llamando al 1-800-662-HELP (4357) o encontrar tratamiento mediante el <a data-l10n-name="findtreatment">localizador en línea</a>.

## Section: FAQs about track marks

faq-heading = Preguntas frecuentes sobre las marcas de inyección

## Section: How can track marks be treated or healed?

how-can-track-marks-be-treated-question = ¿Cómo se pueden tratar o curar las marcas de inyección?
how-can-track-marks-be-treated-answer-1 = Las marcas de inyección pueden curarse si ya no se usan para inyectarse y se limpian con regularidad. Las infecciones u otras complicaciones pueden requerir medicamentos o apósitos.

## Section: How long do track marks last?

how-long-do-track-marks-last-2-question = ¿Cuánto tiempo duran las marcas de inyección?
how-long-do-track-marks-last-2-answer-1 = Las marcas de inyección pueden desvanecerse en un par de semanas, aunque las cicatrices pueden tardar más en desaparecer y seguir siendo visibles durante muchos años.

## Section: How can I help someone who has track marks?

how-can-i-help-someone-who-question = ¿Cómo puedo ayudar a alguien que tiene marcas de inyección?
how-can-i-help-someone-who-answer-1 = Abordar el consumo de sustancias de un ser querido puede ser difícil, y puede costar saber cómo plantear el tema. Usted podría:
how-can-i-help-someone-who-answer-2 = Expresarle su preocupación por su consumo de sustancias y abrir la posibilidad de hablar del tema
how-can-i-help-someone-who-answer-3 = Ofrecerle apoyo para buscar atención médica por complicaciones de salud, como infecciones
how-can-i-help-someone-who-answer-4 = Aconsejarle que busque apoyo profesional para reducir o dejar el consumo de sustancias
how-can-i-help-someone-who-answer-5 = Gestionar un tratamiento involuntario si la persona corre peligro
how-can-i-help-someone-who-answer-6 = Puede ser útil buscar orientación profesional sobre cómo manejar cada situación particular, ya que distintos enfoques pueden ser adecuados en distintas situaciones.

## Section: Resources

resources-heading = Fuentes
resources-ref-1 = O’Malley, G.F. y O’Malley, R. (Revisado en 2022). <em>{ "Injection Drug Use" }</em>. <em>{ "MSD Manual" }</em>.
resources-ref-2 = National Harm Reduction Coalition. (2024). <em>{ "Getting Off: The Basics of Safer Injection" }</em>. <em>{ "Harm Reduction" }</em>.
resources-ref-3 = Minnesota Department of Health. (Actualizado en 2022). <em>{ "Opioids and Injection Drug Use" }</em>.
resources-ref-4 = National Harm Reduction Coalition. (2024). <em>{ "Potential Health Complications of Injection Drug Use" }</em>. <em>{ "Harm Reduction" }</em>.
resources-ref-5 = Robertson, R., Broers, B. y Harris, M. (2021). <em>{ "Injecting Drug Use, the Skin and Vasculature" }</em>. <em>{ "Addiction (Abingdon, England)" }</em>, 116(7), 1914–1924.
resources-ref-6 = Karimi, M., Ghaheri, H., Assari, S., Ahmadi, K., Moghani Lankarani, M., Moghani Lankarani, R., Narenjiha, H., Rafiey, H., Tavakoli, M. y Jafari, F. (2014). <em>{ "Drug Injection to Sites Other than Arm: A Study of Iranian Heroin Injectors" }</em>. <em>{ "Frontiers in Psychiatry" }</em>, 5, 23.
resources-ref-7 = Delaney, F.T., Stanley, E. y Bolster, F. (2020). <em>{ "The Needle and the Damage Done: Musculoskeletal and Vascular Complications Associated with Injected Drug Use" }</em>. <em>{ "Insights Into Imaging" }</em>, 11(1), 98.
