package org.casebook.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.casepage.DemoLikeProceedings.change;
import static org.casebook.casepage.DemoLikeProceedings.proceeding;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.casebook.app.Casebook;
import org.casebook.common.PageRequest;
import org.casebook.proceedings.Proceeding;
import org.casebook.proceedings.ProceedingStore;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Draws the demo case's proceedings, and a sample of every kind of date and status, into {@code
 * target/drawings/}, as SVG and, when {@code rsvg-convert} or ImageMagick's {@code convert} is
 * installed, as PNG, so that a person can look at them.
 */
class DemoProceedingsDrawingTest {
  private static final Path DRAWINGS = Path.of("target", "drawings");

  @TempDir Path dataDir;

  @Test
  void drawsTheDemoCase() throws Exception {
    List<Proceeding> proceedings = demoProceedings();

    String english = ProceedingsDrawing.svg(proceedings, Locale.ENGLISH);
    String russian = ProceedingsDrawing.svg(proceedings, Locale.forLanguageTag("ru"));

    assertThat(SvgDocuments.withClass(SvgDocuments.parse(english), "lane"))
        .hasSize(proceedings.size());
    assertThat(SvgDocuments.withClass(SvgDocuments.parse(russian), "lane"))
        .hasSize(proceedings.size());
    assertThat(proceedings).hasSizeGreaterThanOrEqualTo(8);
    renderWhereTheToolsAllow(english, DRAWINGS.resolve("demo-proceedings"));
    renderWhereTheToolsAllow(russian, DRAWINGS.resolve("demo-proceedings-ru"));
    assertThat(DRAWINGS.resolve("demo-proceedings.svg")).exists();
  }

  @Test
  void drawsEveryKindOfDateAndStatus() throws Exception {
    List<Proceeding> proceedings =
        List.of(
            proceeding(
                "Opened, suspended, dismissed, reopened",
                "criminal",
                change("2015-04-02", "opened"),
                change("2015-09", "suspended"),
                change("2016-02-10", "resumed"),
                change("2016-06/2016-09", "dismissed"),
                change("2018-01-15", "opened"),
                change("2019-05-20~", "charged"),
                change("2019-11-11", "convicted"),
                change("2020-01-09", "appealed")),
            proceeding(
                "Уголовное дело о распространении заведомо ложной информации (статья 274)",
                "criminal",
                change("../2016", "opened"),
                change("2017?", "interrupted"),
                change("2019/", "wanted-listed")),
            proceeding(
                "Asylum",
                "asylum",
                change("2020-02-XX", "filed"),
                change("2021-06-30", "decision-due")),
            proceeding("<script>alert(1)</script> & \"quotes\"", "other"));

    renderWhereTheToolsAllow(
        ProceedingsDrawing.svg(proceedings, Locale.ENGLISH), DRAWINGS.resolve("patterns"));

    assertThat(DRAWINGS.resolve("patterns.svg")).exists();
  }

  private List<Proceeding> demoProceedings() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir)) {
      var caseId = TestCasebook.importDemo(casebook).caseId();
      return casebook
          .records()
          .proceedings()
          .list(
              TestCasebook.TESTER,
              new ProceedingStore.Filter(caseId, null, null, false),
              new PageRequest(1, 100))
          .items();
    }
  }

  private static void renderWhereTheToolsAllow(String svg, Path withoutExtension)
      throws IOException, InterruptedException {
    Path svgFile = withoutExtension.resolveSibling(withoutExtension.getFileName() + ".svg");
    Path pngFile = withoutExtension.resolveSibling(withoutExtension.getFileName() + ".png");
    Files.createDirectories(DRAWINGS);
    Files.writeString(svgFile, svg, StandardCharsets.UTF_8);
    Files.deleteIfExists(pngFile);
    Optional<List<String>> command =
        onPath("rsvg-convert")
            .map(
                tool ->
                    List.of(
                        tool,
                        "--background-color=white",
                        "-o",
                        pngFile.toString(),
                        svgFile.toString()))
            .or(
                () ->
                    onPath("convert")
                        .map(
                            tool ->
                                List.of(
                                    tool,
                                    "-background",
                                    "white",
                                    svgFile.toString(),
                                    pngFile.toString())));
    if (command.isEmpty()) {
      return;
    }
    Process process =
        new ProcessBuilder(command.get())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static Optional<String> onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(folder -> Path.of(folder, tool))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }
}
