package org.casebook.pages;

import java.util.List;
import org.casebook.common.FieldError;
import org.casebook.transfer.ImportResult;

/**
 * What an import from the page did.
 *
 * @param result the records created, updated and unchanged, or null if nothing was imported
 * @param errors the problems found in the file, by line, when it was refused
 * @param dryRun whether the file was only checked
 * @param noFile whether the form came without a file
 */
public record ImportOutcome(ImportResult result, List<FieldError> errors, boolean dryRun, boolean noFile) {}
