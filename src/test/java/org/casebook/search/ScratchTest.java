package org.casebook.search;

import java.nio.file.Path;
import org.casebook.app.Casebook;
import org.casebook.storage.TestStore;
import org.casebook.testing.TestCasebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTest {
  @TempDir Path dataDir;

  @Test
  void explore() {
    try (Casebook casebook = TestCasebook.open(TestStore.H2, dataDir)) {
      TestCasebook.importDemo(casebook);
      long t0 = System.nanoTime();
      System.out.println("drained " + casebook.searchIndexer().drain() + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      System.out.println(casebook.searchIndexer().compare());
      for (String q : new String[] {"Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Smailova", "Смаилова", "Smailova", "SMAÏLOVA", "Dina Tansari", "Тансари", "Smailovva", "Смаил*", "274", "article 274 part 2", "статья 274 часть 2", "ч. 2 ст. 274", "KZ-CC 190(4)", "\"knowingly false information\"", "donations", "Мухамеджанов", "Mukhamedzhanov"}) {
        long start = System.nanoTime();
        SearchResult result = casebook.search().search(TestCasebook.TESTER, SearchQuery.of(q));
        System.out.println("== " + q + " -> " + result.total() + " in " + (System.nanoTime() - start) / 1000 + " us " + result.facet(Facet.KIND));
        result.hits().stream().limit(4).forEach(hit -> System.out.println("   " + hit.kind() + " " + hit.title() + " | " + hit.snippet().html()));
      }
    }
  }
}
