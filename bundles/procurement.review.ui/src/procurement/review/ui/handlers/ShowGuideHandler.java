package procurement.review.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Help > User Guide: shows the guide part. */
public class ShowGuideHandler {

	@Execute
	void execute(EPartService parts) {
		parts.showPart("procurement.review.ui.part.guide", EPartService.PartState.ACTIVATE);
	}
}
