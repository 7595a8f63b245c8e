package org.casebook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.casebook.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path folder;

  @Test
  void defaultsToTheEmbeddedStoreOnPort7070() {
    Settings settings = Settings.resolve(Map.of(), Map.of(), null);

    assertThat(settings.port()).isEqualTo(7070);
    assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(settings.dbUrl()).startsWith("jdbc:h2:file:").contains("data/casebook;MODE=PostgreSQL");
    assertThat(settings.embeddedDatabase()).isTrue();
  }

  @Test
  void commandLineBeatsEnvironmentBeatsConfigFile() throws Exception {
    Path file = folder.resolve("casebook.properties");
    Files.writeString(file, "port=7001\ndata-dir=/srv/from-file\ndb-url=jdbc:postgresql://db/casebook\n");

    Settings fromFile = Settings.resolve(Map.of(), Map.of(), file);
    Settings fromEnvironment = Settings.resolve(Map.of(), Map.of("CASEBOOK_PORT", "7002"), file);
    Settings fromOptions = Settings.resolve(Map.of(Settings.Key.PORT, "7003"), Map.of("CASEBOOK_PORT", "7002"), file);

    assertThat(fromFile.port()).isEqualTo(7001);
    assertThat(fromFile.dbUrl()).isEqualTo("jdbc:postgresql://db/casebook");
    assertThat(fromEnvironment.port()).isEqualTo(7002);
    assertThat(fromOptions.port()).isEqualTo(7003);
    assertThat(fromOptions.dataDir()).isEqualTo(Path.of("/srv/from-file"));
  }

  @Test
  void theConfigFileCanBeNamedByTheEnvironment() throws Exception {
    Path file = folder.resolve("other.properties");
    Files.writeString(file, "port=7004\n");

    assertThat(Settings.resolve(Map.of(), Map.of("CASEBOOK_CONFIG", file.toString()), null).port()).isEqualTo(7004);
  }

  @Test
  void refusesABadPortAndUnknownSettingsByName() throws Exception {
    Path file = folder.resolve("casebook.properties");
    Files.writeString(file, "prot=7001\n");

    assertThatThrownBy(() -> Settings.resolve(Map.of(Settings.Key.PORT, "seventy"), Map.of(), null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("seventy");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of(), file))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("prot");
  }
}
