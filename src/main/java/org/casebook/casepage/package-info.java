/**
 * What the case page draws, as plain values made on the server: the proceedings along a shared
 * time axis ({@link org.casebook.casepage.ProceedingsDrawing}) and its text alternative ({@link
 * org.casebook.casepage.ProceedingsText}). Nothing here knows about HTTP or templates.
 */
package org.casebook.casepage;
