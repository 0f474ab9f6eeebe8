/** Placeholder: built next. */
export default function SubmitProject() {
  return null;
}
