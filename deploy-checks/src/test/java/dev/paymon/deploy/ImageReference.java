package dev.paymon.deploy;

/** Image references ({@code name[:tag][@digest]}) and whether they name one version. */
final class ImageReference {

    private ImageReference() {
    }

    /**
     * True with a digest, or with a tag other than {@code latest} that contains a digit (a version such as
     * {@code 17}, {@code 4.1.2} or {@code v3.5.0}, not a moving name such as {@code stable}).
     */
    static boolean isPinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon < slash || colon < 0) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.equals("latest") && !tag.contains("${") && tag.matches(".*\\d.*");
    }
}
