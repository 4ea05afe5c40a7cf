{
"doc": "lra-2012-whelan-farewell-statement",
"speakers": {
  "TW": ["Tomasz Whelan", "person", "director", "Listeners' Rights Alliance"],
},
"quotes": [
  ["direct", "TW", "¶At the end of this month I will step down"],
  ["direct", "TW", "¶When we started in November 2003"],
  ["direct", "TW", "¶We have won some arguments since then."],
  ["direct", "TW", "¶We have lost some arguments too."],
  ["direct", "TW", "¶I want to thank Nadia Holloway"],
  ["direct", "TW", "¶There is plenty left to do."],
  ["direct", "TW", "¶I will remain a member of the alliance"],
],
"entities": [
  ["organisation", "Listeners' Rights Alliance", ["Listeners’ Rights Alliance"]],
  ["organisation", "Consumer Ombudsman", ["Consumer Ombudsman"]],
  ["person", "Nadia Holloway", ["Nadia Holloway"]],
  ["person", "Tomasz Whelan", ["Tomasz Whelan"]],
  ["place", "Port Selwyn", ["Port Selwyn"]],
  ["place", "Lenholm", ["Lenholm"]],
  ["place", "Vauclair", ["Vauclair"]],
],
"dates": [
  ["this month", "2012-11", "rel"],
  ["next week", "2012-W47", "rel"],
  ["November 2003", "2003-11"],
  ["2005", "2005"],
  ["2004", "2004"],
  ["13 November 2012", "2012-11-13"],
],
}
