package procurement.review.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/** File > Open Recent: the review files opened or saved last, newest first. */
public class RecentFilesMenu {

	/** The key under which a menu item keeps its file. */
	public static final String FILE = "procurement.review.file";

	@AboutToShow
	void aboutToShow(List<MMenuElement> items, EModelService models) {
		for (Path file : ReviewPreferences.recentFiles()) {
			if (!Files.isRegularFile(file)) {
				continue;
			}
			MDirectMenuItem item = models.createModelElement(MDirectMenuItem.class);
			item.setLabel(file.getFileName() + "  (" + file.getParent() + ")");
			item.setContributionURI("bundleclass://procurement.review.ui/procurement.review.ui.handlers.OpenHandler");
			item.getTransientData().put(FILE, file);
			items.add(item);
		}
	}
}
