package org.casebook.search;

import java.nio.file.Path;
import org.casebook.search.lucene.LuceneBackend;

/** The search behaviour suite on the embedded Lucene index. */
class LuceneSearchBehaviourTest extends SearchBehaviourTest {
  @Override
  protected SearchBackend openBackend(Path folder) {
    return LuceneBackend.open(folder);
  }
}
