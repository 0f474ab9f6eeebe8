/** Placeholder: built next. */
export default function ProjectPage() {
  return null;
}
