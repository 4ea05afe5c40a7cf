{
"doc": "lra-2003-alliance-launch",
"speakers": {
  "LRA": ["Listeners' Rights Alliance", "organisation", None, None],
  "TW": ["Tomasz Whelan", "person", "director", "Listeners' Rights Alliance"],
  "NH": ["Nadia Holloway", "person", "campaigns officer", "Listeners' Rights Alliance"],
},
"quotes": [
  ["indirect", "LRA", "it will not accept money from record companies, electronics manufacturers or internet providers"],
  ["indirect", "TW", "the people most affected by the decisions now being taken on music and the internet had so far had no seat at the table"],
  ["direct", "TW", "Every week there is a new report from the record labels ~~ note in the other, || That is the gap we intend to fill."],
  ["indirect", "NH", "the group did not condone unlicensed file-sharing but rejected the idea that music fans were the problem"],
  ["direct", "NH", "Most people are perfectly happy to pay for music, || What they won't accept is being treated as suspects by the companies they buy from."],
  ["indirect", "LRA", "it would make a late submission to the Ministry of Trade and Industry's review ~~ before the end of the year"],
],
"entities": [
  ["organisation", "Listeners' Rights Alliance", ["Listeners' Rights Alliance", "LRA"]],
  ["organisation", "Caldorian Federation of Consumer Councils", ["Caldorian Federation of Consumer Councils"]],
  ["organisation", "Public Libraries Association", ["Public Libraries Association"]],
  ["organisation", "Independent Musicians' Collective", ["Independent Musicians' Collective"]],
  ["organisation", "Ministry of Trade and Industry", ["Ministry of Trade and Industry"]],
  ["person", "Tomasz Whelan", ["Tomasz Whelan", "Whelan"]],
  ["person", "Nadia Holloway", ["Nadia Holloway"]],
  ["person", "Anselm Varga", ["Anselm Varga"]],
  ["place", "Port Selwyn", ["Port Selwyn"]],
  ["money", "CRN 20", ["twenty-crown"]],
],
"dates": [
  ["4 November 2003", "2003-11-04"],
  ["today", "2003-11-04", "rel"],
  ["September", "2003-09", "rel"],
  ["the year", "2003", "rel"],
],
}
