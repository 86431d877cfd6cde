package procurement.review.core.importer;

/** How serious a located {@link ImportProblem} is. */
public enum Severity {
    /** Worth telling the reviewer, nothing was lost. */
    INFO,
    /** A value was read but may not be what the file author meant (for example a formula without a result). */
    WARNING,
    /** A value or a part of the file could not be read. */
    ERROR
}
