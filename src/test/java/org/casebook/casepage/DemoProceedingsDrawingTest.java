package org.casebook.casepage;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Draws the demo case's proceedings into {@code target/drawings/}, as SVG and, when {@code
 * rsvg-convert} or ImageMagick's {@code convert} is installed, as PNG, so that a person can look at
 * them.
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
    Files.createDirectories(DRAWINGS);
    renderWhereTheToolsAllow(english, DRAWINGS.resolve("demo-proceedings"));
    renderWhereTheToolsAllow(russian, DRAWINGS.resolve("demo-proceedings-ru"));
    assertThat(DRAWINGS.resolve("demo-proceedings.svg")).exists();
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
