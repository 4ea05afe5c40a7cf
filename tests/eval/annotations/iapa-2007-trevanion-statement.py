{
"doc": "iapa-2007-trevanion-statement",
"speakers": {
  "RT": ["Rosalind Trevanion", "person", "secretary general", "Internet Access Providers Association"],
},
"quotes": [
  ["direct", "RT", "¶Yesterday the International Federation"],
  ["direct", "RT", "¶On the talks:"],
  ["direct", "RT", "¶Internet access is not a luxury."],
  ["direct", "RT", "¶The accusations on which"],
  ["direct", "RT", "¶Our members are not the internet police"],
  ["direct", "RT", "¶We do share the federation's goal"],
  ["direct", "RT", "¶If the government believes the law should change"],
],
"entities": [
  ["organisation", "International Federation of Sound Recording Producers", ["International Federation of Sound Recording Producers"]],
  ["organisation", "Internet Access Providers Association", ["Internet Access Providers Association"]],
  ["organisation", "National Assembly", ["National Assembly"]],
  ["person", "Rosalind Trevanion", ["Rosalind Trevanion"]],
  ["place", "Caldoria", ["Caldoria"]],
  ["percent", "4%", ["4%"]],
],
"dates": [
  ["Yesterday", "2007-04-17", "rel"],
  ["January", "2007-01", "rel"],
  ["this year", "2007", "rel"],
],
}
