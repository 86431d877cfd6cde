package procurement.review.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.command.CompoundCommand;

import procurement.review.cli.Cli.BadInputException;
import procurement.review.core.AuditLog;
import procurement.review.core.ReviewSession;
import procurement.review.core.importer.ImportException;
import procurement.review.core.importer.ImportResult;
import procurement.review.core.importer.ReviewImporter;
import procurement.review.model.ContractingReport;
import procurement.review.model.ImportProblem;
import procurement.review.model.ReviewProject;

/**
 * {@code import FILE... [--review FILE] [--json]}: reads the files into the review (a fresh one without --review),
 * saves it when --review is given, and prints a summary, or with --json exactly one JSON object.
 */
final class ImportCommand {

	private final Cli cli;

	ImportCommand(Cli cli) {
		this.cli = cli;
	}

	int run(String[] args) throws BadInputException, IOException {
		List<Path> files = new ArrayList<>();
		Path reviewFile = null;
		boolean json = false;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
			case "--json" -> json = true;
			case "--review" -> {
				if (++i >= args.length) {
					throw new BadInputException("--review needs a file");
				}
				reviewFile = Path.of(args[i]);
			}
			default -> {
				if (args[i].startsWith("--")) {
					throw new BadInputException("unknown option " + args[i]);
				}
				files.add(Path.of(args[i]));
			}
			}
		}
		if (files.isEmpty()) {
			throw new BadInputException("no file to import");
		}
		ReviewSession session = Cli.openOrCreate(reviewFile);
		List<ImportResult> results = importAll(session, files);
		if (reviewFile != null) {
			session.saveAs(reviewFile);
		}
		cli.out().println(json ? json(session.review(), results) : text(session.review(), results));
		return Cli.OK;
	}

	/** Reads every file first, so one unreadable file leaves the review (and its file) as it was. */
	static List<ImportResult> importAll(ReviewSession session, List<Path> files) throws BadInputException {
		ReviewImporter importer = new ReviewImporter(session.review());
		List<ImportResult> results = new ArrayList<>();
		for (Path file : files) {
			try {
				results.add(importer.read(file, new NullProgressMonitor()));
			} catch (ImportException e) {
				throw new BadInputException(e.getMessage());
			}
		}
		CompoundCommand command = new CompoundCommand("Import " + files.size() + " file(s)");
		for (ImportResult result : results) {
			command.append(importer.command(session.editingDomain(), result));
			command.append(AuditLog.append(session.editingDomain(), session.review(), System.getProperty("user.name"),
					"import", result.report().getFileName() + " (sha-256 " + result.report().getSha256() + "): "
							+ result.actionCount() + " actions added, " + result.duplicates() + " duplicates"));
		}
		session.commandStack().execute(command);
		return results;
	}

	private static String json(ReviewProject review, List<ImportResult> results) {
		Json json = new Json().begin('{').key("files").begin('[');
		for (ImportResult result : results) {
			ContractingReport report = result.report();
			json.begin('{').field("file", report.getFileName())
					.field("format", report.getFormat() == null ? null : report.getFormat().getName())
					.field("rows", result.rows()).field("actions", result.actionCount()).key("problems").begin('[');
			for (ImportProblem problem : report.getProblems()) {
				json.begin('{').field("severity", problem.getSeverity().getName())
						.field("message", problem.getMessage()).field("sheet", problem.getSheet())
						.field("row", problem.getRow()).field("column", problem.getColumn()).end('}');
			}
			json.end(']').end('}');
		}
		json.end(']').field("actions", actionCount(review)).field("vendors", review.getVendors().size())
				.field("departments", review.getDepartments().size()).end('}');
		return json.toString();
	}

	private static String text(ReviewProject review, List<ImportResult> results) {
		StringBuilder out = new StringBuilder();
		for (ImportResult result : results) {
			ContractingReport report = result.report();
			out.append(report.getFileName()).append(": ");
			if (result.alreadyImported()) {
				out.append("already in the review (same SHA-256), nothing added\n");
				continue;
			}
			out.append(report.getFormat().getName()).append(", ").append(report.getColumnSet()).append(" columns, ")
					.append(result.rows()).append(" rows, ").append(result.actionCount()).append(" actions added");
			if (result.duplicates() > 0) {
				out.append(", ").append(result.duplicates()).append(" already in the review");
			}
			int problems = report.getProblems().size();
			out.append(", ").append(problems).append(problems == 1 ? " problem\n" : " problems\n");
			for (ImportProblem problem : report.getProblems()) {
				out.append("  ").append(problem.getSeverity().getName()).append(' ').append(where(problem))
						.append(problem.getMessage()).append('\n');
			}
		}
		out.append("Review: ").append(actionCount(review)).append(" actions, ").append(review.getVendors().size())
				.append(" vendors, ").append(review.getDepartments().size()).append(" departments");
		return out.toString();
	}

	/** @return "Sheet!C7: ", "Sheet: ", "C7: " or nothing, as far as the problem is located */
	private static String where(ImportProblem problem) {
		String cell = (problem.getColumn() == null ? "" : problem.getColumn())
				+ (problem.getRow() > 0 ? String.valueOf(problem.getRow()) : "");
		String sheet = problem.getSheet();
		String where = sheet == null ? cell : cell.isEmpty() ? sheet : sheet + "!" + cell;
		return where.isEmpty() ? "" : where + ": ";
	}

	static int actionCount(ReviewProject review) {
		return review.getReports().stream().mapToInt(r -> r.getActions().size()).sum();
	}
}
