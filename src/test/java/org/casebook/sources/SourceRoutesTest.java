package org.casebook.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourceRoutesTest {
  private static final UUID ID = UUID.fromString("0b8f4a52-3c2e-4f7a-9a51-2d8c1e6f0a11");

  @Test
  void keepsAPlainFileName() {
    assertThat(SourceRoutes.attachment("AL-KAZ-1_2024.pdf", ID))
        .isEqualTo("attachment; filename=\"AL-KAZ-1_2024.pdf\"");
  }

  @Test
  void dropsPathsQuotesAndControlCharacters() {
    assertThat(SourceRoutes.attachment("../../etc/passwd", ID))
        .isEqualTo("attachment; filename=\"passwd\"");
    assertThat(SourceRoutes.attachment("C:\\Users\\a\\.bashrc", ID))
        .isEqualTo("attachment; filename=\"bashrc\"");
    assertThat(SourceRoutes.attachment("a\"; filename=evil.exe\r\nX: y", ID))
        .isEqualTo("attachment; filename=\"a_filename_evil.exe_X_y\"");
  }

  @Test
  void givesANonLatinNameInUtf8AndAnAsciiFallback() {
    assertThat(SourceRoutes.attachment("Ответ правительства.pdf", ID))
        .isEqualTo(
            "attachment; filename=\"source-"
                + ID
                + ".pdf\"; filename*=UTF-8''"
                + "%D0%9E%D1%82%D0%B2%D0%B5%D1%82%20"
                + "%D0%BF%D1%80%D0%B0%D0%B2%D0%B8%D1%82"
                + "%D0%B5%D0%BB%D1%8C%D1%81%D1%82%D0%B2%D0%B0.pdf");
  }

  @Test
  void namesAFileWithoutANameAfterItsSource() {
    assertThat(SourceRoutes.attachment(null, ID))
        .isEqualTo("attachment; filename=\"source-" + ID + "\"");
    assertThat(SourceRoutes.attachment("  ", ID))
        .isEqualTo("attachment; filename=\"source-" + ID + "\"");
  }
}
