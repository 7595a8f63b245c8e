package org.casebook.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.casebook.common.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
  @TempDir Path folder;

  @Test
  void storesUnderTheHashAndReadsBack() throws IOException {
    FileStore files = new FileStore(folder.resolve("files"));
    byte[] content = "Ответ Правительства".getBytes(StandardCharsets.UTF_8);

    String hash = files.put(content);

    assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(FileStore.sha256(content));
    assertThat(folder.resolve("files").resolve(hash.substring(0, 2)).resolve(hash))
        .hasBinaryContent(content);
    assertThat(files.contains(hash)).isTrue();
    assertThat(files.read(hash)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    try (InputStream stream = files.open(hash).orElseThrow()) {
      assertThat(stream.readAllBytes()).isEqualTo(content);
    }
  }

  @Test
  void storesTheSameContentOnceAndLeavesNoTemporaryFiles() throws IOException {
    FileStore files = new FileStore(folder);
    byte[] content = {1, 2, 3};

    assertThat(files.put(content)).isEqualTo(files.put(content.clone()));
    assertThat(regularFiles()).hasSize(1);
  }

  @Test
  void concurrentWritersOfTheSameContentLeaveOneWholeCopy() throws Exception {
    FileStore files = new FileStore(folder);
    byte[] content = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> hashes =
          IntStream.range(0, 16).mapToObj(index -> pool.submit(() -> files.put(content))).toList();
      for (Future<String> hash : hashes) {
        assertThat(hash.get()).isEqualTo(FileStore.sha256(content));
      }
    } finally {
      pool.shutdown();
    }
    assertThat(regularFiles()).hasSize(1);
    assertThat(files.read(FileStore.sha256(content)))
        .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
  }

  @Test
  void anAbsentFileIsEmpty() {
    FileStore files = new FileStore(folder);
    String hash = FileStore.sha256(new byte[] {9});

    assertThat(files.contains(hash)).isFalse();
    assertThat(files.read(hash)).isEmpty();
    assertThat(files.open(hash)).isEmpty();
  }

  @Test
  void refusesAnythingButALowerCaseSha256BeforeTouchingTheDisk() throws IOException {
    Path outside = Files.writeString(folder.resolve("secret"), "secret");
    FileStore files = new FileStore(folder.resolve("files"));
    String upper = FileStore.sha256(new byte[] {1}).toUpperCase(java.util.Locale.ROOT);

    for (String hash : List.of("../x", "../secret", "ab/../../secret", upper, "", "0".repeat(65))) {
      assertThatThrownBy(() -> files.read(hash))
          .as(hash)
          .isInstanceOfSatisfying(
              InvalidInput.class,
              invalid -> assertThat(invalid.errors().get(0).field()).isEqualTo("sha256"));
      assertThatThrownBy(() -> files.open(hash)).isInstanceOf(InvalidInput.class);
      assertThatThrownBy(() -> files.contains(hash)).isInstanceOf(InvalidInput.class);
    }
    assertThatThrownBy(() -> files.read(null)).isInstanceOf(InvalidInput.class);
    assertThat(outside).hasContent("secret");
    assertThat(folder.resolve("files")).doesNotExist();
  }

  private List<Path> regularFiles() throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).toList();
    }
  }
}
