// The browser libraries the console loads with <script> tags (index.html), as globals: typed loosely,
// enough for the type-check of the console's JavaScript (tsconfig.console.json).
declare const Chart: any;
declare const L: any;
