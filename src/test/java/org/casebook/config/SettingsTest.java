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
  void theDatabasePasswordIsNeverWrittenOut() {
    Settings settings =
        Settings.resolve(Map.of(Settings.Key.DB_URL, "jdbc:postgresql://db/casebook"), Map.of("CASEBOOK_DB_PASSWORD", "s3cret-Pa55"), null);

    assertThat(settings.dbPassword()).isEqualTo("s3cret-Pa55");
    assertThat(settings.toString()).doesNotContain("s3cret-Pa55").contains("dbPassword=(set)").contains("jdbc:postgresql://db/casebook");
    assertThat(Settings.resolve(Map.of(), Map.of(), null).toString()).contains("dbPassword=(none)");
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

  @Test
  void communicationPeriodsDefaultToSixtyDaysAndAreRefusedWhenNotADayCountOrZone() throws Exception {
    Settings defaults = Settings.resolve(Map.of(), Map.of(), null);
    assertThat(defaults.communications().confidentialDays()).isEqualTo(60);
    assertThat(defaults.communications().replyDays()).isEqualTo(60);
    assertThat(defaults.communications().followUpDays()).isEqualTo(30);
    assertThat(defaults.communications().zone()).isEqualTo(java.time.ZoneId.of("UTC"));

    Path file = folder.resolve("casebook.properties");
    Files.writeString(file, "communication-confidential-days=90\ncommunication-time-zone=Europe/Zurich\n");
    Settings configured = Settings.resolve(Map.of(), Map.of("CASEBOOK_COMMUNICATION_REPLY_DAYS", "45"), file);
    assertThat(configured.communications().confidentialDays()).isEqualTo(90);
    assertThat(configured.communications().replyDays()).isEqualTo(45);
    assertThat(configured.communications().publicDate(java.time.LocalDate.of(2024, 3, 18))).isEqualTo(java.time.LocalDate.of(2024, 6, 16));
    assertThat(configured.communications().start(java.time.LocalDate.of(2024, 5, 17)))
        .isEqualTo(java.time.Instant.parse("2024-05-16T22:00:00Z"));

    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("CASEBOOK_COMMUNICATION_REPLY_DAYS", "soon"), null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("communication-reply-days")
        .hasMessageContaining("soon");
    assertThatThrownBy(() -> Settings.resolve(Map.of(), Map.of("CASEBOOK_COMMUNICATION_TIME_ZONE", "Mars/Olympus"), null))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("Mars/Olympus");
  }
}
