package procurement.review.ui.internal;

import java.net.URL;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;

/**
 * A label provider that asks the EMF.Edit item providers for text and icon, as EMF's AdapterFactoryLabelProvider
 * does. Text is shown as text: SWT labels never interpret markup, so a vendor name cannot inject anything.
 */
public class ItemLabels extends LabelProvider {

	private final AdapterFactory adapterFactory;
	private final ResourceManager images = new LocalResourceManager(JFaceResources.getResources());

	/** @param adapterFactory the session's composed adapter factory */
	public ItemLabels(AdapterFactory adapterFactory) {
		this.adapterFactory = adapterFactory;
	}

	@Override
	public String getText(Object element) {
		return text(adapterFactory, element);
	}

	/**
	 * @param adapterFactory the session's composed adapter factory
	 * @param element        a model object
	 * @return its name (name, file name, number, id or message), else the item provider's text
	 */
	public static String text(AdapterFactory adapterFactory, Object element) {
		// The generated item providers prefix the type ("Department Department of the Treasury"); trees here show
		// objects under a group that already says what they are, so the name alone reads better.
		if (element instanceof EObject object) {
			for (String name : new String[] { "name", "fileName", "number", "id", "message" }) {
				EStructuralFeature feature = object.eClass().getEStructuralFeature(name);
				if (feature != null && object.eGet(feature) != null) {
					return String.valueOf(object.eGet(feature));
				}
			}
		}
		IItemLabelProvider provider = (IItemLabelProvider) adapterFactory.adapt(element, IItemLabelProvider.class);
		return provider != null ? provider.getText(element) : String.valueOf(element);
	}

	@Override
	public Image getImage(Object element) {
		IItemLabelProvider provider = (IItemLabelProvider) adapterFactory.adapt(element, IItemLabelProvider.class);
		Object image = provider != null ? provider.getImage(element) : null;
		if (image instanceof URL url) {
			return images.create(ImageDescriptor.createFromURL(url));
		}
		return null;
	}

	@Override
	public void dispose() {
		images.dispose();
		super.dispose();
	}
}
