package procurement.review.core;

import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.BinaryResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import procurement.review.core.internal.storage.ColumnarBinaryResource;
import procurement.review.model.ReviewPackage;
import procurement.review.model.validation.ReviewModelValidator;

/**
 * The review file formats, chosen by file extension: {@value #XMI_EXTENSION} is XMI (readable, diffable, for small
 * and medium reviews), {@value #BINARY_EXTENSION} is binary (for reviews of a million actions): EMF's binary format
 * with the actions stored column by column ({@link ColumnarBinaryResource}), which also reads the plain EMF binary
 * files of earlier versions.
 */
public final class ReviewResources {

	/** Extension of XMI review files. */
	public static final String XMI_EXTENSION = "review";

	/** Extension of binary review files. */
	public static final String BINARY_EXTENSION = "reviewb";

	private ReviewResources() {
	}

	/**
	 * Registers the review package and its validator. Inside OSGi the extension registry does the package part; on a
	 * plain class path this is what makes the package known. Safe to call more than once.
	 */
	public static void init() {
		EPackage.Registry.INSTANCE.put(ReviewPackage.eNS_URI, ReviewPackage.eINSTANCE);
		ReviewModelValidator.register();
	}

	/**
	 * @return a resource set that reads and writes both review formats
	 */
	public static ResourceSet createResourceSet() {
		init();
		ResourceSet resourceSet = new ResourceSetImpl();
		Map<String, Object> factories = resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap();
		factories.put(XMI_EXTENSION, new XMIResourceFactoryImpl());
		factories.put(BINARY_EXTENSION, (Resource.Factory) uri -> new ColumnarBinaryResource(uri,
				Set.of(ReviewPackage.Literals.CONTRACTING_REPORT__ACTIONS)));
		resourceSet.getPackageRegistry().put(ReviewPackage.eNS_URI, ReviewPackage.eINSTANCE);
		resourceSet.getLoadOptions().putAll(loadOptions());
		return resourceSet;
	}

	/**
	 * @param uri a review file URI
	 * @return true when the URI names a binary review
	 */
	public static boolean isBinary(URI uri) {
		return BINARY_EXTENSION.equals(uri.fileExtension());
	}

	/**
	 * @return options for saving a review resource in either format
	 */
	public static Map<Object, Object> saveOptions() {
		return Map.of(XMLResource.OPTION_ENCODING, "UTF-8", XMLResource.OPTION_USE_ENCODED_ATTRIBUTE_STYLE, true,
				BinaryResourceImpl.OPTION_VERSION, BinaryResourceImpl.BinaryIO.Version.VERSION_1_1);
	}

	private static Map<Object, Object> loadOptions() {
		// Review files come from colleagues by email: never resolve a DTD or an external entity while reading one.
		return Map.of(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, true, XMLResource.OPTION_PARSER_FEATURES,
				Map.of("http://apache.org/xml/features/disallow-doctype-decl", true,
						"http://xml.org/sax/features/external-general-entities", false,
						"http://xml.org/sax/features/external-parameter-entities", false));
	}
}
