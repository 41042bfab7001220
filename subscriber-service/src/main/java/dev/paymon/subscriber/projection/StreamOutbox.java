package dev.paymon.subscriber.projection;

import java.util.List;

/**
 * Where the {@link Projector} puts the announcements of a batch: appended as numbered stream events inside
 * the batch's database transaction, so they commit (or roll back) with the projection rows and offsets.
 * The live stream implements it.
 */
public interface StreamOutbox {

    /** Appends {@code announcements}, in order, within the current transaction. */
    void append(List<StreamAnnouncement> announcements);
}
