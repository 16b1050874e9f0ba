/// A comment above each converted put, as an author might want: a line
/// wider than 80 columns, which kseries' layout check names.
//
// Confidence: High

virtual patch
virtual report

@depends on patch@
expression G, A;
@@
+ /* one page: gadget_put_pages() with a count of 1 does what gadget_put_page() did */
  gadget_put_pages(G, A, 1);
