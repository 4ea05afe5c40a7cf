{
"doc": "sharespan-2005-brackley-statement",
"speakers": {
  "OB": ["Owen Brackley", "person", "founder and chief executive", "Sharespan Inc"],
},
"quotes": [
  ["direct", "OB", "¶On Tuesday, the world's largest record companies"],
  ["direct", "OB", "¶First, nothing changes today."],
  ["direct", "OB", "¶Second, we will defend this case in full."],
  ["direct", "OB", "¶Third, I want to correct something"],
  ["direct", "OB", "¶I started Sharespan in a flat"],
  ["direct", "OB", "¶We have asked Celia Montfort"],
  ["direct", "OB", "¶To our users: thank you."],
],
"entities": [
  ["organisation", "Sharespan Inc", ["Sharespan Inc", "Sharespan"]],
  ["organisation", "Montfort Reyes", ["Montfort Reyes"]],
  ["person", "Celia Montfort", ["Celia Montfort"]],
  ["person", "Owen Brackley", ["Owen Brackley"]],
  ["place", "Port Selwyn", ["Port Selwyn"]],
],
"dates": [
  ["Tuesday", "2005-03-08", "rel"],
  ["today", "2005-03-10", "rel"],
  ["this week", "2005-W10", "rel"],
],
}
