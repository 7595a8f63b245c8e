package org.casebook.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * Renders the page templates of {@code src/main/jte}, compiled to classes at build time (so that a
 * template error fails the build and the server needs no compiler). Output is HTML, and every
 * value a template writes with {@code ${...}} is escaped for where it stands (element text,
 * attribute, URL), so text from records stays text.
 *
 * <p>Thread-safe: one instance serves every request; the engine loads each template class once.
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code template} (such as {@code "case_page.jte"}) with its named parameters. */
  public String render(String template, Map<String, Object> parameters) {
    StringOutput output = new StringOutput();
    engine.render(template, parameters, output);
    return output.toString();
  }
}
