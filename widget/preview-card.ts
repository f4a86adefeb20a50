/**
 * The console's preview build (`preview-card.js`): `<signpost-card>`, one listing drawn by the
 * widget's own card template, English and Welsh both in the one file.
 */
import { defineSignpostCard } from "./card-element.js";

defineSignpostCard();
