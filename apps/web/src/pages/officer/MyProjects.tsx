/** Placeholder: built next. */
export default function MyProjects() {
  return null;
}
