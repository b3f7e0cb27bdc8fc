using System;

namespace IntraperitonealCoding.Infrastructure
{
    /// <summary>Checks for programmer errors. Clinical input problems never come here: they become findings.</summary>
    internal static class Preconditions
    {
        internal static T CheckNotNull<T>(T? argument, string paramName)
            where T : class
            => argument ?? throw new ArgumentNullException(paramName);

        internal static double CheckFinite(double value, string paramName)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(paramName, value, "Value must be a finite number.");
            }

            return value;
        }

        internal static void CheckArgument(bool expression, string paramName, string message)
        {
            if (!expression)
            {
                throw new ArgumentException(message, paramName);
            }
        }

        internal static void CheckArgumentRange(bool expression, string paramName, object value, string message)
        {
            if (!expression)
            {
                throw new ArgumentOutOfRangeException(paramName, value, message);
            }
        }
    }
}
