{
"doc": "lra-2008-declaration-vauclair",
"speakers": {
  "EVL": ["Élodie Vasseur-Lambin", "person", "porte-parole", "Alliance pour les droits des auditeurs"],
},
"quotes": [
  ["direct", "EVL", "¶Hier soir, plus de deux cents personnes"],
  ["direct", "EVL", "¶L'Alliance pour les droits des auditeurs, section francophone"],
  ["direct", "EVL", "¶C'est pourquoi nous nous opposerons"],
  ["direct", "EVL", "¶Nous demandons aussi que la consultation"],
],
"entities": [
  ["organisation", "Alliance pour les droits des auditeurs", ["Alliance pour les droits des auditeurs"]],
  ["organisation", "Listeners' Rights Alliance", ["Listeners' Rights Alliance"]],
  ["organisation", "Ministry of Trade and Industry", ["ministère du Commerce et de l'Industrie"]],
  ["person", "Ilse Brandvold", ["Ilse Brandvold"]],
  ["person", "Élodie Vasseur-Lambin", ["Élodie Vasseur-Lambin"]],
  ["place", "Vauclair", ["Vauclair"]],
],
"dates": [
  ["23 septembre 2008", "2008-09-23"],
  ["Hier soir", "2008-09-22", "rel"],
  ["30 octobre", "2008-10-30", "rel"],
],
}
