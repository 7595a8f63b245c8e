package org.casebook.web;

/** A feature package's web entry point: it registers its routes. */
@FunctionalInterface
public interface Feature {
  void register(Routes routes);
}
