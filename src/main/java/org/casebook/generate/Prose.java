package org.casebook.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentences in the manner of a sample text: a first-order Markov chain over its words, which keeps
 * the sample's vocabulary, its word frequencies and its inflections (so that a stemmer has forms to
 * bring together) while making new sentences. Immutable after construction; thread-safe.
 */
final class Prose {
  private static final int LONGEST_SENTENCE = 32;

  private final String[] words;
  private final int[][] successors;
  private final int[] starts;

  private Prose(String[] words, int[][] successors, int[] starts) {
    this.words = words;
    this.successors = successors;
    this.starts = starts;
  }

  /** Learns from the sentences of list {@code name} of {@code sample}. */
  static Prose learn(Sections sample, String name) {
    Map<String, Integer> ids = new HashMap<>();
    List<String> words = new ArrayList<>();
    List<List<Integer>> following = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    for (String sentence : sample.list(name)) {
      String[] tokens = sentence.split("\\s+");
      int previous = -1;
      for (String token : tokens) {
        int id =
            ids.computeIfAbsent(
                token,
                word -> {
                  words.add(word);
                  following.add(new ArrayList<>());
                  return words.size() - 1;
                });
        if (previous < 0) {
          starts.add(id);
        } else {
          following.get(previous).add(id);
        }
        previous = id;
      }
    }
    int[][] successors = new int[words.size()][];
    for (int id = 0; id < successors.length; id++) {
      successors[id] = following.get(id).stream().mapToInt(Integer::intValue).toArray();
    }
    return new Prose(
        words.toArray(String[]::new), successors, starts.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Appends one sentence, ending in a full stop, and returns the number of words written. */
  int sentence(StringBuilder out, Dice random) {
    int id = starts[random.nextInt(starts.length)];
    int count = 0;
    while (true) {
      if (count > 0) {
        out.append(' ');
      }
      String word = words[id];
      count++;
      int[] next = successors[id];
      if (next.length == 0 || count >= LONGEST_SENTENCE) {
        if (next.length == 0) {
          out.append(word);
        } else {
          out.append(stripPunctuation(word)).append('.');
        }
        return count;
      }
      out.append(word);
      id = next[random.nextInt(next.length)];
    }
  }

  private static String stripPunctuation(String word) {
    int end = word.length();
    while (end > 1 && !Character.isLetterOrDigit(word.charAt(end - 1))) {
      end--;
    }
    return word.substring(0, end);
  }
}
