package org.casebook.letters;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link LetterView} as a complete XHTML document (the template {@code letter.jte},
 * compiled at build time, every value escaped) and as an A4 PDF laid out from that same document
 * by openhtmltopdf, in the DejaVu fonts, which hold Latin and Cyrillic.
 *
 * <p>The PDF renderer reads nothing but the letter's style sheet, from the class path under the
 * address {@value #STYLE_SHEET}: every other file, network or class-path address in the document
 * is refused, so that text in a letter can never make the server fetch anything.
 *
 * <p>Thread-safe: the fonts and the style sheet are read once, at construction, and each PDF is
 * made by a builder of its own. Making one takes a few hundred milliseconds; callers render on
 * the request's thread.
 */
public final class LetterRenderer {
  /** The address of the letter's style sheet in a PDF; for a browser it is served as an asset. */
  public static final String STYLE_SHEET = "casebook-letter:letter.css";

  private static final String PROTOCOL = "casebook-letter";
  private static final String STYLE_SHEET_RESOURCE = "/assets/letter.css";
  private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

  /** A font of the jar, by its file, with the family, weight and style it serves. */
  private record Font(String file, String family, int weight, FontStyle style) {}

  private static final List<Font> FONT_FILES =
      List.of(
          new Font("DejaVuSerif.ttf", "DejaVu Serif", 400, FontStyle.NORMAL),
          new Font("DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, FontStyle.NORMAL),
          new Font("DejaVuSerif-Italic.ttf", "DejaVu Serif", 400, FontStyle.ITALIC),
          new Font("DejaVuSerif-BoldItalic.ttf", "DejaVu Serif", 700, FontStyle.ITALIC),
          new Font("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
          new Font("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL));

  private record LoadedFont(Font font, byte[] bytes) {}

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final List<LoadedFont> fonts;
  private final byte[] styleSheet;

  /**
   * Reads the fonts and the style sheet from the class path.
   *
   * @throws IllegalStateException if one is missing from the build
   */
  public LetterRenderer() {
    PdfLogging.routeToSlf4j();
    this.fonts = FONT_FILES.stream().map(font -> new LoadedFont(font, resource(FONTS + font.file()))).toList();
    this.styleSheet = resource(STYLE_SHEET_RESOURCE);
  }

  /** The letter as an XHTML document, its style sheet linked from {@link LetterView#styleSheet()}. */
  public String html(LetterView letter) {
    StringOutput output = new StringOutput();
    engine.render("letter.jte", Map.of("letter", letter), output);
    return output.toString();
  }

  /** The letter as a PDF: A4, the reference and "Page 2 of 3" on every page. */
  public byte[] pdf(LetterView letter) {
    return pdf(html(letter.withStyleSheet(STYLE_SHEET)));
  }

  /** Lays out an XHTML document made by {@link #html} (with the PDF's style sheet) as a PDF. */
  byte[] pdf(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    for (LoadedFont font : fonts) {
      byte[] bytes = font.bytes();
      builder.useFont(
          () -> new ByteArrayInputStream(bytes), font.font().family(), font.font().weight(), font.font().style(), true);
    }
    builder.useProtocolsStreamImplementation(new StyleSheetStreams(), PROTOCOL);
    builder.useExternalResourceAccessControl(
        (uri, type) -> STYLE_SHEET.equals(uri), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
    builder.useExternalResourceAccessControl(
        (uri, type) -> STYLE_SHEET.equals(uri), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
    builder.withProducer("Casebook");
    builder.withHtmlContent(xhtml, STYLE_SHEET);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out the letter as a PDF", e);
    }
    return out.toByteArray();
  }

  /** Serves the one address the PDF renderer may read: the letter's style sheet. */
  private final class StyleSheetStreams implements FSStreamFactory {
    @Override
    public FSStream getUrl(String url) {
      return new FSStream() {
        @Override
        public InputStream getStream() {
          return new ByteArrayInputStream(STYLE_SHEET.equals(url) ? styleSheet : new byte[0]);
        }

        @Override
        public Reader getReader() {
          return new InputStreamReader(getStream(), StandardCharsets.UTF_8);
        }
      };
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = LetterRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the letter resource " + name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the letter resource " + name, e);
    }
  }
}
